import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { AppContext } from '../AppContext';
import { AlertCards } from '../alerts/AlertCards';
import { CardAction } from '../chat/alertCard';
import { ChatPoster } from '../chat/ChatPoster';
import { restProblemText } from '../chat/restProblems';
import { t } from '../locale/texts';
import { hasAllowedRole } from '../settings/AppConfig';
import { AlertCard } from '../storage/CardStore';
import { Signl4UserCache } from '../storage/Signl4UserCache';
import { restClientFor, Signl4RestClient } from '../signl4/RestClient';
import { Signl4UserDirectory } from '../signl4/Signl4UserDirectory';

/** Who pressed, on which card, and all that is needed to act on the alert in their name. */
interface Actor {
    readonly card: AlertCard;
    readonly alertId: string;
    readonly signl4UserId: string;
    readonly client: Signl4RestClient;
}

/**
 * The card's buttons and its note dialog. Each action runs in SIGNL4 as the person who pressed, through the REST API
 * and the SIGNL4 user with that person's verified e-mail. Whatever stops an action is told to that person only.
 */
export class CardInteractions {
    private readonly cards: AlertCards;

    private readonly poster: ChatPoster;

    constructor(
        private readonly app: AppContext,
        private readonly read: IRead,
        modify: IModify,
        private readonly http: IHttp,
        private readonly persistence: IPersistence,
    ) {
        this.cards = new AlertCards(app, read, modify, persistence);
        this.poster = new ChatPoster(read, modify, app.settingsCache.config);
    }

    /** Acknowledge or Close. Answers false when the person was told why nothing happened. */
    public async transition(
        action: typeof CardAction.Acknowledge | typeof CardAction.Close,
        ref: string,
        user: IUser,
        room?: IRoom,
    ): Promise<boolean> {
        const language = this.app.settingsCache.language;
        const actor = await this.actor(ref, user, room);
        if (!actor) {
            return false;
        }
        const closing = action === CardAction.Close;
        const { card, alertId, signl4UserId, client } = actor;
        const result = closing
            ? await client.close(alertId, signl4UserId)
            : await client.acknowledge(alertId, signl4UserId);
        if (!result.ok) {
            // SIGNL4 refuses a transition the alert is past: closing a closed alert, acknowledging a handled one.
            const alreadyClosed = closing || card.status === 'closed';
            const state = t(language, alreadyClosed ? 'stateClosed' : 'stateAcknowledged');
            const text =
                result.problem === 'not-allowed'
                    ? t(language, 'actionNotAllowed', { state })
                    : restProblemText(result, language);
            this.app.getLogger().warn(`${action} of alert ${alertId} by ${user.username} failed: ${result.detail}`);

            return this.tell(user, card, text, room);
        }

        this.app
            .getLogger()
            .info(`Alert ${alertId} ${closing ? 'closed' : 'acknowledged'} from chat by ${user.username}.`);
        const by = `@${user.username}`;
        const line = t(language, closing ? 'closed' : 'acknowledged', { user: by });
        await this.cards.changeStatus(ref, closing ? 'closed' : 'acknowledged', by, line);

        return true;
    }

    /** Whether the person may add a note, told why not otherwise; checked before the dialog opens. */
    public async mayAct(ref: string, user: IUser, room?: IRoom): Promise<boolean> {
        return (await this.actor(ref, user, room)) !== undefined;
    }

    /** A submitted note. Answers an error for the dialog's field, or undefined when the note is in SIGNL4. */
    public async addNote(ref: string, text: string, user: IUser): Promise<string | undefined> {
        const language = this.app.settingsCache.language;
        if (!text) {
            return t(language, 'noteEmpty');
        }
        const actor = await this.actor(ref, user);
        if (!actor) {
            return undefined;
        }
        await this.cards.expectNote(ref, text);
        const result = await actor.client.annotate(actor.alertId, actor.signl4UserId, text);
        if (!result.ok) {
            await this.cards.forgetNote(ref, text);
            this.app.getLogger().warn(`Note on alert ${actor.alertId} by ${user.username} failed: ${result.detail}`);

            return restProblemText(result, language);
        }
        const line = t(language, 'annotated', { user: `@${user.username}`, text });
        await this.cards.addNote(ref, text, line, 'chat');

        return undefined;
    }

    /** Everything that must hold before SIGNL4 is asked, in the order a person can fix it. */
    private async actor(ref: string, user: IUser, room?: IRoom): Promise<Actor | undefined> {
        const language = this.app.settingsCache.language;
        const config = this.app.settingsCache.config;
        const card = await this.cards.card(ref);
        if (!card) {
            await this.tellIn(room, user, t(language, 'actionAlertUnknown'));

            return undefined;
        }
        if (!hasAllowedRole(user.roles, config.actRoles)) {
            await this.tell(user, card, t(language, 'actionNotPermitted', { roles: config.actRoles.join(', ') }), room);

            return undefined;
        }
        const client = restClientFor(this.http, config.apiKey, config.webhook);
        if (!client) {
            await this.tell(user, card, t(language, 'restNoApiKey'), room);

            return undefined;
        }

        const cache = new Signl4UserCache(this.read.getPersistenceReader(), this.persistence);
        const link = await new Signl4UserDirectory(client, cache).lookUp(user);
        if (link.kind === 'problem') {
            await this.tell(user, card, restProblemText({ ok: false, ...link }, language), room);

            return undefined;
        }
        if (link.kind === 'not-linked') {
            const text =
                link.reason === 'no-verified-email'
                    ? t(language, 'noVerifiedEmail')
                    : t(language, 'noSignl4User', { email: link.email ?? '' });
            await this.tell(user, card, text, room);

            return undefined;
        }

        const alertId = card.alertId ?? (await this.findAlertId(card, client, link.signl4UserId));
        if (!alertId) {
            await this.tell(user, card, t(language, 'actionAlertUnknown'), room);

            return undefined;
        }

        return { card, alertId, signl4UserId: link.signl4UserId, client };
    }

    /** A chat alert's SIGNL4 id arrives with SIGNL4's "alert created" event; without that event, a search finds it. */
    private async findAlertId(
        card: AlertCard,
        client: Signl4RestClient,
        asUserId: string,
    ): Promise<string | undefined> {
        if (!card.externalId) {
            return undefined;
        }
        const found = await client.findAlertByExternalId(card.externalId, asUserId);
        const alertId = found.ok ? found.value?.id : undefined;
        if (alertId) {
            await this.cards.learnAlertId(card.ref, alertId);
        }

        return alertId;
    }

    private async tell(user: IUser, card: AlertCard, text: string, room?: IRoom): Promise<false> {
        return this.tellIn(room ?? (await this.poster.roomById(card.roomId)), user, text);
    }

    private async tellIn(room: IRoom | undefined, user: IUser, text: string): Promise<false> {
        if (room) {
            await this.poster.tell(user, room, text);
        }

        return false;
    }
}
