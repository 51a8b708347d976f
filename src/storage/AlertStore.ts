import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

import { AlertRequest } from '../signl4/AlertRequest';
import { firstRecord, recordKey as key, writable } from './records';

export type DeliveryState = 'pending' | 'raised' | 'failed';

/** Where in chat an alert lives: the thread every update about it goes to. */
export interface AlertLink {
    readonly roomId: string;
    readonly threadId: string;
    /** Set for alerts raised from chat; the key of their {@link AlertRecord}. */
    readonly externalId?: string;
    /** The key of the alert's card; chat alerts use their ExternalID. */
    readonly cardRef?: string;
}

/** An alert raised from chat and the state of its delivery to SIGNL4. */
export interface AlertRecord extends AlertLink {
    readonly externalId: string;
    readonly request: AlertRequest;
    readonly state: DeliveryState;
    readonly attempts: number;
    readonly createdAt: string;
    readonly eventId?: string;
    readonly lastError?: string;
}

/** The most recent delivery result, for `/signl4 status`. */
export interface DeliveryOutcomeSummary {
    readonly state: DeliveryState;
    readonly at: string;
    readonly reason?: string;
}

/**
 * Alerts and the threads they live in. Kept in app persistence, never only in memory: with several Rocket.Chat
 * instances the SIGNL4 event for an alert may reach another instance than the one that raised it.
 */
export class AlertStore {
    constructor(
        private readonly reader: IPersistenceRead,
        private readonly writer?: IPersistence,
    ) {}

    public async saveAlert(record: AlertRecord): Promise<void> {
        await writable(this.writer, 'AlertStore').updateByAssociation(key('alert', record.externalId), record, true);
    }

    public async alert(externalId: string): Promise<AlertRecord | undefined> {
        return firstRecord<AlertRecord>(this.reader, key('alert', externalId));
    }

    /** Remembers another SIGNL4 id (`eventId` from the webhook's answer, or `alert.id` from an event) of a thread. */
    public async linkId(kind: 'event' | 'alert-id' | 'thread', id: string, link: AlertLink): Promise<void> {
        const { roomId, threadId, externalId, cardRef } = link;
        await writable(this.writer, 'AlertStore').updateByAssociation(
            key(kind, id),
            { roomId, threadId, externalId, cardRef },
            true,
        );
    }

    /** Finds the thread of an alert by any id SIGNL4 sends back, the app's own ExternalID first. */
    public async findLink(ids: {
        externalEventId?: string;
        eventId?: string;
        alertId?: string;
        threadId?: string;
    }): Promise<AlertLink | undefined> {
        const candidates: Array<RocketChatAssociationRecord> = [];
        if (ids.externalEventId) {
            candidates.push(key('alert', ids.externalEventId));
        }
        if (ids.eventId) {
            candidates.push(key('event', ids.eventId));
        }
        if (ids.alertId) {
            candidates.push(key('alert-id', ids.alertId));
        }
        if (ids.threadId) {
            candidates.push(key('thread', ids.threadId));
        }
        for (const candidate of candidates) {
            const found = await firstRecord<AlertLink>(this.reader, candidate);
            if (found) {
                const { roomId, threadId, externalId, cardRef } = found;

                return { roomId, threadId, externalId, cardRef: cardRef ?? externalId };
            }
        }

        return undefined;
    }

    public async saveLastOutcome(outcome: DeliveryOutcomeSummary): Promise<void> {
        await writable(this.writer, 'AlertStore').updateByAssociation(key('status', 'last-outcome'), outcome, true);
    }

    public async lastOutcome(): Promise<DeliveryOutcomeSummary | undefined> {
        return firstRecord<DeliveryOutcomeSummary>(this.reader, key('status', 'last-outcome'));
    }
}
