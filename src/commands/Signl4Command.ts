import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ISlashCommand, SlashCommandContext } from '@rocket.chat/apps-engine/definition/slashcommands';

import { AppContext } from '../AppContext';
import { ChatPoster } from '../chat/ChatPoster';
import { t } from '../locale/texts';
import { hasAllowedRole } from '../settings/AppConfig';
import { Signl4UserCache } from '../storage/Signl4UserCache';
import { restClientFor } from '../signl4/RestClient';
import { Signl4UserDirectory } from '../signl4/Signl4UserDirectory';
import { raiseDialog } from '../ui/raiseDialog';
import { changeDuty, onCallReport } from './onCall';
import { raiseByHand } from './raiseByHand';
import { resolveAlert } from './resolveAlert';
import { helpText, statusReport } from './statusReport';

/** Words after `/signl4` that are commands, not the text of an alert. */
const SUBCOMMANDS = new Set(['help', 'status', 'alert', 'resolve', 'oncall', 'duty']);

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
        if (subcommand === 'oncall' || subcommand === 'duty') {
            return tell(await this.duty(context, subcommand, rest[0], read, http, persistence));
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
            return this.openRaiseDialog(context, modify, () => tell(t(language, 'commandEmptyAlert')));
        }

        const alert = { room: context.getRoom(), sender: context.getSender(), threadId: context.getThreadId(), text };

        return raiseByHand(this.app, alert, { read, modify, http, persistence });
    }

    /** `/signl4 alert` without a text opens the dialog; where a client gives no trigger id, the usage hint instead. */
    private async openRaiseDialog(context: SlashCommandContext, modify: IModify, fallback: () => Promise<void>) {
        const triggerId = context.getTriggerId();
        if (!triggerId) {
            return fallback();
        }
        const view = raiseDialog(this.app, { roomId: context.getRoom().id, threadId: context.getThreadId() });
        await modify.getUiController().openSurfaceView(view, { triggerId }, context.getSender());
    }

    /** `/signl4 oncall` and `/signl4 duty on|off`, through the REST API as the caller's SIGNL4 user. */
    private async duty(
        context: SlashCommandContext,
        subcommand: 'oncall' | 'duty',
        change: string | undefined,
        read: IRead,
        http: IHttp,
        persistence: IPersistence,
    ): Promise<string> {
        const { apiKey, webhook } = this.app.settingsCache.config;
        const language = this.app.settingsCache.language;
        const client = restClientFor(http, apiKey, webhook);
        if (subcommand === 'oncall') {
            return onCallReport(client, language);
        }
        const wanted = change?.toLowerCase();
        if (wanted !== 'on' && wanted !== 'off') {
            return t(language, 'dutyUsage');
        }
        const cache = new Signl4UserCache(read.getPersistenceReader(), persistence);
        const directory = client && new Signl4UserDirectory(client, cache);

        return changeDuty(client, directory, context.getSender(), wanted, language);
    }
}
