import { IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IRoom } from '@rocket.chat/apps-engine/definition/rooms';

import { AppContext } from '../AppContext';
import { ChatPoster, neutralizeMentions } from '../chat/ChatPoster';
import { Language, t, TextKey } from '../locale/texts';
import { AlertLink, AlertStore } from '../storage/AlertStore';
import { AlertCard } from '../storage/CardStore';
import { AlertStatusCode, EventType, Signl4Event } from '../signl4/Signl4Event';
import { AlertCards } from './AlertCards';

/** What became of one SIGNL4 notification; returned to SIGNL4 and useful in tests and logs. */
export type RoutingResult = 'posted' | 'ignored';

/**
 * Turns SIGNL4's outbound events into chat. An alert's card shows its status and is edited in place; the detail goes
 * to the card's thread: the raising message's thread for alerts from chat, the card's own for the others.
 */
export class EventRouter {
    private readonly store: AlertStore;

    private readonly poster: ChatPoster;

    private readonly cards: AlertCards;

    constructor(
        private readonly app: AppContext,
        read: IRead,
        modify: IModify,
        persistence: IPersistence,
    ) {
        this.store = new AlertStore(read.getPersistenceReader(), persistence);
        this.poster = new ChatPoster(read, modify, app.settingsCache.config);
        this.cards = new AlertCards(app, read, modify, persistence);
    }

    public async route(event: Signl4Event): Promise<RoutingResult> {
        const config = this.app.settingsCache.config;
        const language = this.app.settingsCache.language;
        const who = neutralizeMentions(event.user?.name ?? t(language, 'someone'));

        switch (event.eventType) {
            case EventType.AlertCreated:
                return this.alertCreated(event, language);
            case EventType.AlertStatusChanged:
                return this.statusChanged(event, language, who);
            case EventType.AlertAnnotated:
                return this.annotated(event, language, who);
            case EventType.AlertEscalated:
                return config.postEscalations ? this.escalated(event, t(language, 'escalated')) : 'ignored';
            case EventType.DutyStarted:
            case EventType.DutyEnded:
            case EventType.PunchedIn:
            case EventType.PunchedOut:
                return config.postDutyEvents ? this.toEventsRoom(dutyText(event, language, who)) : 'ignored';
            default:
                return 'ignored';
        }
    }

    /** Alerts from chat already have their card; any other new alert gets a card of its own in the events room. */
    private async alertCreated(event: Signl4Event, language: Language): Promise<RoutingResult> {
        const alertId = event.alert?.id;
        const link = await this.findLink(event);
        if (link) {
            if (alertId) {
                await this.store.linkId('alert-id', alertId, link);
            }
            await this.cardOf(link, event);

            return 'ignored';
        }
        const room = this.app.settingsCache.config.postNewAlerts ? await this.eventsRoom() : undefined;
        if (!room) {
            return 'ignored';
        }

        const title = event.alert?.title ?? event.alert?.text;
        const ref = `s4-${alertId ?? event.id}`;
        const externalId = event.alert?.externalEventId;
        const text = title
            ? t(language, 'newAlert', { title: neutralizeMentions(title) })
            : t(language, 'newAlertUntitled');
        const card = await this.cards.post(
            {
                ref,
                roomId: room.id,
                alertId,
                externalId,
                title: neutralizeMentions(title ?? t(language, 'newAlertUntitled')),
                text: neutralizeMentions(event.alert?.text && event.alert.text !== title ? event.alert.text : ''),
                raisedAt: new Date().toISOString(),
            },
            room,
            text,
        );
        const cardLink = { roomId: room.id, threadId: card.threadId, cardRef: ref };
        await Promise.all([
            this.store.linkId('thread', card.threadId, cardLink),
            alertId ? this.store.linkId('alert-id', alertId, cardLink) : undefined,
            event.alert?.eventId ? this.store.linkId('event', event.alert.eventId, cardLink) : undefined,
        ]);

        return 'posted';
    }

    /** Acknowledged or closed: the card changes and its thread says by whom, once, however often the news arrives. */
    private async statusChanged(event: Signl4Event, language: Language, who: string): Promise<RoutingResult> {
        const status = statusOf(event);
        if (!status) {
            return 'ignored';
        }
        const line = t(language, status === 'closed' ? 'closed' : 'acknowledged', { user: who });

        return this.updateAlert(event, line, this.app.settingsCache.config.postNewAlerts, (card) =>
            this.cards.changeStatus(card.ref, status, who, line),
        );
    }

    private async escalated(event: Signl4Event, line: string): Promise<RoutingResult> {
        return this.updateAlert(event, line, true, (card) => this.cards.markEscalated(card.ref, line));
    }

    private async annotated(event: Signl4Event, language: Language, who: string): Promise<RoutingResult> {
        const note = event.annotation ?? '';
        const line = t(language, 'annotated', { user: who, text: neutralizeMentions(note) });

        return this.updateAlert(event, line, this.app.settingsCache.config.postNewAlerts, (card) =>
            this.cards.addNote(card.ref, note, line, 'signl4'),
        );
    }

    /**
     * One update of an alert: applied to its card, which answers whether it showed anything new. An alert without a
     * card gets the line in its thread; an alert the app has never seen goes to the events room instead, but only when
     * `toEventsRoom` says the admin wants alerts from outside chat there.
     */
    private async updateAlert(
        event: Signl4Event,
        line: string,
        toEventsRoom: boolean,
        applyToCard: (card: AlertCard) => Promise<boolean>,
    ): Promise<RoutingResult> {
        const link = await this.findLink(event);
        const card = await this.cardOf(link, event);
        if (card) {
            return (await applyToCard(card)) ? 'posted' : 'ignored';
        }
        const room = link && (await this.poster.roomById(link.roomId));
        if (link && room) {
            await this.poster.post(room, line, link.threadId);

            return 'posted';
        }

        return toEventsRoom ? this.toEventsRoom(line) : 'ignored';
    }

    /** The card of a linked alert, taught SIGNL4's alert id on the way when it did not know it yet. */
    private async cardOf(link: AlertLink | undefined, event: Signl4Event): Promise<AlertCard | undefined> {
        if (!link?.cardRef) {
            return undefined;
        }
        const alertId = event.alert?.id;

        return alertId ? this.cards.learnAlertId(link.cardRef, alertId) : this.cards.card(link.cardRef);
    }

    private async toEventsRoom(text: string): Promise<RoutingResult> {
        const room = await this.eventsRoom();
        if (!room) {
            return 'ignored';
        }
        await this.poster.post(room, text);

        return 'posted';
    }

    private async eventsRoom(): Promise<IRoom | undefined> {
        const name = this.app.settingsCache.config.eventsRoom;
        const room = await this.poster.roomByName(name);
        if (!room) {
            this.app
                .getLogger()
                .warn(`SIGNL4 event not posted: the events_room "${name}" does not exist. Set an existing room name.`);
        }

        return room;
    }

    private findLink(event: Signl4Event): Promise<AlertLink | undefined> {
        const { externalEventId, eventId, id: alertId } = event.alert ?? {};

        return this.store.findLink({ externalEventId, eventId, alertId });
    }
}

/** `statusCode` is a bit field: a closed alert may still carry the acknowledged bit. */
function statusOf(event: Signl4Event): 'acknowledged' | 'closed' | undefined {
    const code = event.alert?.statusCode ?? 0;
    if (code & AlertStatusCode.Closed) {
        return 'closed';
    }

    return code & AlertStatusCode.Acknowledged ? 'acknowledged' : undefined;
}

const DUTY_TEXTS: Record<number, TextKey> = {
    [EventType.DutyStarted]: 'dutyStarted',
    [EventType.DutyEnded]: 'dutyEnded',
    [EventType.PunchedIn]: 'punchedIn',
    [EventType.PunchedOut]: 'punchedOut',
};

function dutyText(event: Signl4Event, language: Language, who: string): string {
    const team = event.teamName ? t(language, 'teamSuffix', { team: neutralizeMentions(event.teamName) }) : '';

    return t(language, DUTY_TEXTS[event.eventType], { user: who, team });
}
