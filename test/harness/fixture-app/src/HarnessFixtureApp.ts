import {
    IAppAccessors,
    IConfigurationExtend,
    IConfigurationModify,
    IHttp,
    ILogger,
    IModify,
    IPersistence,
    IRead,
} from '@rocket.chat/apps-engine/definition/accessors';
import {
    ApiEndpoint,
    ApiSecurity,
    ApiVisibility,
    IApiEndpointInfo,
    IApiRequest,
    IApiResponse,
} from '@rocket.chat/apps-engine/definition/api';
import { App } from '@rocket.chat/apps-engine/definition/App';
import { IMessage, IPostMessageSent, IPostMessageUpdated } from '@rocket.chat/apps-engine/definition/messages';
import { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata';
import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';
import { IJobContext } from '@rocket.chat/apps-engine/definition/scheduler';
import { ISetting, SettingType } from '@rocket.chat/apps-engine/definition/settings';
import { ISlashCommand, SlashCommandContext } from '@rocket.chat/apps-engine/definition/slashcommands';
import { IUIKitResponse, UIKitBlockInteractionContext } from '@rocket.chat/apps-engine/definition/uikit';

// A throwaway app that touches every surface of the test host once: listeners, HTTP, settings (read, write,
// change events), persistence, scheduler, endpoint, slash command, ephemeral notices and a UIKit button.
// Messages starting with "!" from human users are commands; everything else is skipped in
// checkPostMessageSent so it costs no round trip.
export class HarnessFixtureApp extends App implements IPostMessageSent, IPostMessageUpdated {
    constructor(info: IAppInfo, logger: ILogger, accessors: IAppAccessors) {
        super(info, logger, accessors);
    }

    public async extendConfiguration(configuration: IConfigurationExtend): Promise<void> {
        await configuration.settings.provideSetting({
            id: 'webhook_url',
            type: SettingType.STRING,
            packageValue: '',
            required: false,
            public: false,
            i18nLabel: 'webhook_url',
        });
        await configuration.settings.provideSetting({
            id: 'last_event',
            type: SettingType.STRING,
            packageValue: '',
            required: false,
            public: false,
            i18nLabel: 'last_event',
        });
        await configuration.slashCommands.provideSlashCommand(new HarnessCommand());
        await configuration.api.provideApi({
            visibility: ApiVisibility.PUBLIC,
            security: ApiSecurity.UNSECURE,
            endpoints: [new EchoEndpoint(this)],
        });
        await configuration.scheduler.registerProcessors([
            {
                id: 'harness-job',
                processor: async (job: IJobContext, read: IRead, modify: IModify) => {
                    if (job.fail) {
                        throw new Error(`job asked to fail: ${job.note}`);
                    }

                    const room = await read.getRoomReader().getById(job.roomId);
                    await modify
                        .getCreator()
                        .finish(modify.getCreator().startMessage().setRoom(room!).setText(`job ran: ${job.note}`));
                },
            },
        ]);
    }

    public async onSettingUpdated(
        setting: ISetting,
        _modify: IConfigurationModify,
        _read: IRead,
        _http: IHttp,
    ): Promise<void> {
        this.getLogger().info(`setting updated ${setting.id}=${setting.value}`);
    }

    public async checkPostMessageSent(message: IMessage): Promise<boolean> {
        return message.sender.type === 'user' && (message.text ?? '').startsWith('!');
    }

    public async executePostMessageSent(
        message: IMessage,
        read: IRead,
        http: IHttp,
        persis: IPersistence,
        modify: IModify,
    ) {
        const [command, ...rest] = (message.text ?? '').split(' ');
        const reply = async (text: string, blocks?: Array<object>) => {
            const builder = modify
                .getCreator()
                .startMessage()
                .setRoom(message.room)
                .setThreadId(message.threadId ?? message.id!);
            builder.setText(text);
            if (blocks) {
                builder.setBlocks(blocks as never);
            }

            return modify.getCreator().finish(builder);
        };

        if (command === '!alert') {
            const url = await read.getEnvironmentReader().getSettings().getValueById('webhook_url');
            try {
                const response = await http.post(url, { data: { title: rest.join(' ') }, timeout: 1500 });
                const eventId = response.data?.eventId ?? '';
                const link = new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, `alert:${message.id}`);
                await persis.updateByAssociation(link, { eventId, messageId: message.id }, true);
                await this.getAccessors().environmentWriter.getSettings().updateValue('last_event', eventId);
                await reply(`raised ${response.statusCode} ${eventId}`);
            } catch (error) {
                this.getLogger().error(`alert failed for ${message.id}: ${(error as Error).message}`);
                await reply(`failed: ${(error as Error).message}`);
            }
        } else if (command === '!whoami') {
            const user = await read.getUserReader().getByUsername(message.sender.username);
            await reply(`user: ${user ? user.username : 'denied'}`);
        } else if (command === '!site') {
            const siteUrl = await read.getEnvironmentReader().getServerSettings().getValueById('Site_Url');
            const paths = this.getAccessors().providedApiEndpoints.map((endpoint) => endpoint.computedPath);
            await reply(`site ${siteUrl} ${paths.join(',')}`);
        } else if (command === '!button') {
            await reply('press', [
                {
                    type: 'actions',
                    blockId: 'harness-actions',
                    elements: [
                        {
                            type: 'button',
                            actionId: 'harness-click',
                            text: { type: 'plain_text', text: 'Press' },
                            value: 'v1',
                        },
                    ],
                },
            ]);
        } else if (command === '!crash') {
            throw new Error('fixture crashed on purpose');
        }
    }

    public async executePostMessageUpdated(
        message: IMessage,
        _read: IRead,
        _http: IHttp,
        _persis: IPersistence,
        modify: IModify,
    ) {
        if (message.sender.type !== 'user') {
            return;
        }

        const builder = modify.getCreator().startMessage().setRoom(message.room).setText(`edited: ${message.text}`);
        await modify.getCreator().finish(builder);
    }

    public async executeBlockActionHandler(
        context: UIKitBlockInteractionContext,
        _read: IRead,
        _http: IHttp,
        _persis: IPersistence,
        modify: IModify,
    ): Promise<IUIKitResponse> {
        const { actionId, value, room, user } = context.getInteractionData();
        const builder = modify
            .getCreator()
            .startMessage()
            .setRoom(room!)
            .setText(`clicked ${actionId} ${value} by ${user.username}`);
        await modify.getCreator().finish(builder);

        return context.getInteractionResponder().successResponse();
    }
}

// rc-apps looks the main class up by the classFile path ("src/HarnessFixtureApp") or as the default export.
export default HarnessFixtureApp;

class HarnessCommand implements ISlashCommand {
    public command = 'harness';
    public i18nParamsExample = '';
    public i18nDescription = '';
    public providesPreview = false;

    public async executor(
        context: SlashCommandContext,
        _read: IRead,
        modify: IModify,
        _http: IHttp,
        persis: IPersistence,
    ) {
        const [action, when, note, fail] = context.getArguments();
        const sender = context.getSender();
        const room = context.getRoom();

        if (action === 'schedule') {
            const jobId = await modify.getScheduler().scheduleOnce({
                id: 'harness-job',
                when: when ?? '30 seconds',
                data: { roomId: room.id, note, fail: fail === 'fail' },
            });
            const notice = modify.getCreator().startMessage().setRoom(room).setText(`scheduled ${jobId}`);
            await modify.getNotifier().notifyUser(sender, notice.getMessage());

            return;
        }

        const log = new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, 'command-log');
        await persis.createWithAssociation(
            { args: context.getArguments(), threadId: context.getThreadId() ?? null },
            log,
        );
        const notice = modify
            .getCreator()
            .startMessage()
            .setRoom(room)
            .setText(`args: ${context.getArguments().join(',')}`);
        await modify.getNotifier().notifyUser(sender, notice.getMessage());
    }
}

class EchoEndpoint extends ApiEndpoint {
    public path = 'echo';

    public async post(request: IApiRequest, endpoint: IApiEndpointInfo, read: IRead): Promise<IApiResponse> {
        const log = new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, 'command-log');
        const commands = await read.getPersistenceReader().readByAssociation(log);

        return this.json({
            status: 200,
            content: {
                received: request.content,
                token: request.headers['x-harness-token'],
                commands: commands.length,
                path: endpoint.fullPath,
            },
        });
    }
}
