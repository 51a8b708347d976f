import { IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';

import { AppContext } from '../AppContext';
import { ChatPoster, neutralizeMentions } from '../chat/ChatPoster';
import { Language, t, TextKey } from '../locale/texts';
import { AlertLink, AlertStore } from '../storage/AlertStore';
import { AlertStatusCode, EventType, Signl4Event } from '../signl4/Signl4Event';

/** What became of one SIGNL4 notification; returned to SIGNL4 and useful in tests and logs. */
export type RoutingResult = 'posted' | 'ignored';

/**
 * Turns SIGNL4's outbound events into chat messages. Updates of an alert go to the thread that shows it: the raising
 * message for alerts from chat, the "new alert" message in the events room for the others.
 */
export class EventRouter {
    private readonly store: AlertStore;

    private readonly poster: ChatPoster;

    constructor(
        private readonly app: AppContext,
        read: IRead,
        modify: IModify,
        persistence: IPersistence,
    ) {
        this.store = new AlertStore(read.getPersistenceReader(), persistence);
        this.poster = new ChatPoster(read, modify, app.settingsCache.config);
    }

    public async route(event: Signl4Event): Promise<RoutingResult> {
        const config = this.app.settingsCache.config;
        const language = this.app.settingsCache.language;
        const who = neutralizeMentions(event.user?.name ?? t(language, 'someone'));

        switch (event.eventType) {
            case EventType.AlertCreated:
                return this.alertCreated(event, language);
            case EventType.AlertStatusChanged:
                return this.toAlertThread(event, statusText(event, language, who), config.postNewAlerts);
            case EventType.AlertAnnotated:
                return this.toAlertThread(
                    event,
                    t(language, 'annotated', { user: who, text: neutralizeMentions(event.annotation ?? '') }),
                    config.postNewAlerts,
                );
            case EventType.AlertEscalated:
                return config.postEscalations ? this.toAlertThread(event, t(language, 'escalated'), true) : 'ignored';
            case EventType.DutyStarted:
            case EventType.DutyEnded:
            case EventType.PunchedIn:
            case EventType.PunchedOut:
                return config.postDutyEvents ? this.toEventsRoom(dutyText(event, language, who)) : 'ignored';
            default:
                return 'ignored';
        }
    }

    /** Alerts from chat already have their thread; any other new alert gets a message of its own in the events room. */
    private async alertCreated(event: Signl4Event, language: Language): Promise<RoutingResult> {
        const alertId = event.alert?.id;
        const link = await this.findLink(event);
        if (link) {
            if (alertId) {
                await this.store.linkId('alert-id', alertId, link);
            }

            return 'ignored';
        }
        if (!this.app.settingsCache.config.postNewAlerts) {
            return 'ignored';
        }

        const title = event.alert?.title ?? event.alert?.text;
        const text = title
            ? t(language, 'newAlert', { title: neutralizeMentions(title) })
            : t(language, 'newAlertUntitled');
        const posted = await this.toEventsRoomWithId(text);
        if (posted && alertId) {
            await this.store.linkId('alert-id', alertId, { roomId: posted.roomId, threadId: posted.messageId });
        }

        return posted ? 'posted' : 'ignored';
    }

    /**
     * Posts in the alert's thread; an alert the app has never seen is posted to the events room instead, but only when
     * the admin wants alerts from outside chat there at all.
     */
    private async toAlertThread(
        event: Signl4Event,
        text: string | undefined,
        fallbackToEventsRoom: boolean,
    ): Promise<RoutingResult> {
        if (!text) {
            return 'ignored';
        }
        const link = await this.findLink(event);
        const room = link && (await this.poster.roomById(link.roomId));
        if (link && room) {
            await this.poster.post(room, text, link.threadId);

            return 'posted';
        }

        return fallbackToEventsRoom ? this.toEventsRoom(text) : 'ignored';
    }

    private async toEventsRoom(text: string): Promise<RoutingResult> {
        return (await this.toEventsRoomWithId(text)) ? 'posted' : 'ignored';
    }

    private async toEventsRoomWithId(text: string): Promise<{ roomId: string; messageId: string } | undefined> {
        const name = this.app.settingsCache.config.eventsRoom;
        const room = await this.poster.roomByName(name);
        if (!room) {
            this.app
                .getLogger()
                .warn(`SIGNL4 event not posted: the events_room "${name}" does not exist. Set an existing room name.`);

            return undefined;
        }

        return { roomId: room.id, messageId: await this.poster.post(room, text) };
    }

    private findLink(event: Signl4Event): Promise<AlertLink | undefined> {
        const { externalEventId, eventId, id: alertId } = event.alert ?? {};

        return this.store.findLink({ externalEventId, eventId, alertId });
    }
}

/** `statusCode` is a bit field: a closed alert may still carry the acknowledged bit. */
function statusText(event: Signl4Event, language: Language, who: string): string | undefined {
    const code = event.alert?.statusCode ?? 0;
    if (code & AlertStatusCode.Closed) {
        return t(language, 'closed', { user: who });
    }
    if (code & AlertStatusCode.Acknowledged) {
        return t(language, 'acknowledged', { user: who });
    }

    return undefined;
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
