import {
    IAppAccessors,
    IConfigurationExtend,
    IConfigurationModify,
    IEnvironmentRead,
    IHttp,
    ILogger,
    IModify,
    IPersistence,
    IRead,
} from '@rocket.chat/apps-engine/definition/accessors';
import { ApiSecurity, ApiVisibility } from '@rocket.chat/apps-engine/definition/api';
import { App } from '@rocket.chat/apps-engine/definition/App';
import { IAppInstallationContext } from '@rocket.chat/apps-engine/definition/accessors/IAppInstallationContext';
import { IMessage, IPostMessageSent } from '@rocket.chat/apps-engine/definition/messages';
import { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata';
import { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import { IUIKitInteractionHandler, IUIKitResponse } from '@rocket.chat/apps-engine/definition/uikit';
import {
    UIKitBlockInteractionContext,
    UIKitViewSubmitInteractionContext,
} from '@rocket.chat/apps-engine/definition/uikit/UIKitInteractionContext';

import { AppContext } from './AppContext';
import { canRaiseAlert } from './alerts/messageTrigger';
import { raiseFromMessage } from './alerts/raiseFromMessage';
import { Signl4Command } from './commands/Signl4Command';
import { EventsEndpoint } from './endpoints/EventsEndpoint';
import { ensureEndpointToken, syncEventsUrlSetting } from './endpoints/eventsUrl';
import { jobProcessors } from './jobs/processors';
import { ConfigCache } from './settings/ConfigCache';
import { SETTINGS } from './settings/settings';
import { SettingId } from './settings/SettingId';
import { handleBlockAction, handleViewSubmit } from './ui/interactionRouter';

/** SIGNL4 mobile alerting for Rocket.Chat. This class only wires the parts together; each lives in its own folder. */
export default class Signl4App extends App implements IPostMessageSent, IUIKitInteractionHandler, AppContext {
    public readonly settingsCache = new ConfigCache();

    /** The bot user's id, known after enabling; the sender type check alone already keeps the bot's messages out. */
    private appUserId: string | undefined;

    constructor(info: IAppInfo, logger: ILogger, accessors: IAppAccessors) {
        super(info, logger, accessors);
    }

    public async onInstall(
        context: IAppInstallationContext,
        read: IRead,
        http: IHttp,
        persistence: IPersistence,
    ): Promise<void> {
        await ensureEndpointToken(read.getPersistenceReader(), persistence);
    }

    public async onEnable(environment: IEnvironmentRead, _configurationModify: IConfigurationModify): Promise<boolean> {
        await this.settingsCache.load(environment);
        this.appUserId = (await this.getAccessors().reader.getUserReader().getAppUser(this.getID()))?.id;
        await syncEventsUrlSetting(this);
        this.logConfigurationProblems();

        return true;
    }

    public async onSettingUpdated(setting: ISetting): Promise<void> {
        this.settingsCache.apply(setting.id, setting.value);
        if (setting.id === SettingId.EventsUrl) {
            await syncEventsUrlSetting(this);
        }
        if (setting.id === SettingId.Webhook) {
            this.logConfigurationProblems();
        }
    }

    public async checkPostMessageSent(message: IMessage): Promise<boolean> {
        return canRaiseAlert(message, this.settingsCache.config, this.appUserId);
    }

    public async executePostMessageSent(
        message: IMessage,
        read: IRead,
        http: IHttp,
        persistence: IPersistence,
        modify: IModify,
    ): Promise<void> {
        if (message.id && canRaiseAlert(message, this.settingsCache.config, this.appUserId)) {
            await raiseFromMessage(this, { ...message, id: message.id }, { read, modify, http, persistence });
        }
    }

    public async executeBlockActionHandler(
        context: UIKitBlockInteractionContext,
        read: IRead,
        http: IHttp,
        persistence: IPersistence,
        modify: IModify,
    ): Promise<IUIKitResponse> {
        return handleBlockAction(this, context, { read, modify, http, persistence });
    }

    public async executeViewSubmitHandler(
        context: UIKitViewSubmitInteractionContext,
        read: IRead,
        http: IHttp,
        persistence: IPersistence,
        modify: IModify,
    ): Promise<IUIKitResponse> {
        return handleViewSubmit(this, context, { read, modify, http, persistence });
    }

    protected async extendConfiguration(configuration: IConfigurationExtend): Promise<void> {
        await Promise.all(SETTINGS.map((setting) => configuration.settings.provideSetting(setting)));
        await configuration.slashCommands.provideSlashCommand(new Signl4Command(this));
        await configuration.api.provideApi({
            visibility: ApiVisibility.PUBLIC,
            security: ApiSecurity.UNSECURE,
            endpoints: [new EventsEndpoint(this)],
        });
        await configuration.scheduler.registerProcessors(jobProcessors());
    }

    private logConfigurationProblems(): void {
        const { webhook } = this.settingsCache.config;
        if (webhook === 'missing') {
            this.getLogger().warn(
                'SIGNL4 is not configured: enter the team or integration secret in the signl4_webhook setting.',
            );
        } else if (webhook === 'invalid') {
            this.getLogger().warn(
                'The signl4_webhook setting is neither a SIGNL4 secret nor an http(s) webhook URL: correct it.',
            );
        }
    }
}
