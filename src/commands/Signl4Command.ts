import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ISlashCommand, SlashCommandContext } from '@rocket.chat/apps-engine/definition/slashcommands';

import { AppContext } from '../AppContext';
import { AlertRaiser } from '../alerts/AlertRaiser';
import { buildAlertRequest } from '../alerts/messageTrigger';
import { ChatPoster, neutralizeMentions } from '../chat/ChatPoster';
import { t } from '../locale/texts';
import { hasAllowedRole } from '../settings/AppConfig';
import { resolveAlert } from './resolveAlert';
import { helpText, statusReport } from './statusReport';

/** Words after `/signl4` that are commands, not the text of an alert. */
const SUBCOMMANDS = new Set(['help', 'status', 'alert', 'resolve']);

/**
 * `/signl4 <text>` raises an alert; `help` and `status` explain and check the set-up. A single unknown word gets help
 * rather than an alert, because it is far more likely a mistyped subcommand than an emergency.
 */
export class Signl4Command implements ISlashCommand {
    public command = 'signl4';

    public i18nParamsExample = 'signl4_command_params';

    public i18nDescription = 'signl4_command_description';

    public providesPreview = false;

    constructor(private readonly app: AppContext) {}

    public async executor(
        context: SlashCommandContext,
        read: IRead,
        modify: IModify,
        http: IHttp,
        persistence: IPersistence,
    ): Promise<void> {
        await this.app.settingsCache.loadWorkspaceSettings(read.getEnvironmentReader());
        const args = context.getArguments().filter(Boolean);
        const [first = 'help', ...rest] = args;
        const subcommand = first.toLowerCase();
        const poster = new ChatPoster(read, modify, this.app.settingsCache.config);
        const tell = (text: string) => poster.tell(context.getSender(), context.getRoom(), text, context.getThreadId());
        const language = this.app.settingsCache.language;

        if (subcommand === 'help') {
            return tell(helpText(this.app, language));
        }
        if (subcommand === 'status') {
            return tell(await statusReport(this.app, context.getSender(), read, http, persistence, language));
        }
        if (subcommand === 'resolve') {
            const answer = await resolveAlert(
                this.app,
                context.getSender(),
                { threadId: context.getThreadId(), reference: rest[0] },
                { read, modify, http, persistence },
            );

            return answer ? tell(answer) : undefined;
        }
        if (!SUBCOMMANDS.has(subcommand) && rest.length === 0) {
            return tell(`${t(language, 'commandUnknown', { word: first })}\n${helpText(this.app, language)}`);
        }

        const { raiseRoles } = this.app.settingsCache.config;
        if (!hasAllowedRole(context.getSender().roles, raiseRoles)) {
            return tell(t(language, 'raiseNotPermitted', { roles: raiseRoles.join(', ') }));
        }
        const text = (subcommand === 'alert' ? rest : args).join(' ').trim();
        if (!text) {
            return tell(t(language, 'commandEmptyAlert'));
        }

        return this.raise(context, text, read, modify, http, persistence);
    }

    /** The bot's announcement in the room becomes the alert's thread, as the raising message is for chat alerts. */
    private async raise(
        context: SlashCommandContext,
        text: string,
        read: IRead,
        modify: IModify,
        http: IHttp,
        persistence: IPersistence,
    ) {
        const room = context.getRoom();
        const sender = context.getSender();
        const config = this.app.settingsCache.config;
        const language = this.app.settingsCache.language;
        const poster = new ChatPoster(read, modify, config);

        const announcement = t(language, 'alertRaisedFromCommand', {
            user: sender.username,
            text: neutralizeMentions(text),
        });
        const messageId = await poster.post(room, announcement, context.getThreadId());
        const threadId = context.getThreadId() ?? messageId;
        const request = buildAlertRequest(
            { messageId, room, username: sender.username, text },
            config,
            this.app.settingsCache.siteUrl,
        );

        await new AlertRaiser(this.app, read, modify, http, persistence).raise(request, room, threadId);
    }
}
