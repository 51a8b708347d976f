import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';

import { firstRecord, recordKey, writable } from './records';

/** `sending` and `failed` are a chat alert's states before SIGNL4 has taken it; the others are SIGNL4's. */
export type CardStatus = 'sending' | 'failed' | 'new' | 'acknowledged' | 'closed';

/** One alert card: the message that shows an alert, and what it shows. */
export interface AlertCard {
    /** The card's key, carried by its buttons: the ExternalID for chat alerts, `s4-<alert id>` for the others. */
    readonly ref: string;
    readonly roomId: string;
    readonly messageId: string;
    /** Where the detail goes: the raising message's thread for chat alerts, the card's own thread otherwise. */
    readonly threadId: string;
    readonly externalId?: string;
    readonly alertId?: string;
    readonly title: string;
    readonly text: string;
    readonly service?: string;
    readonly raisedBy?: string;
    readonly roomName?: string;
    readonly raisedAt: string;
    readonly messageUrl?: string;
    readonly status: CardStatus;
    readonly statusBy?: string;
    /** SIGNL4 escalated the alert because nobody acknowledged it in time. */
    readonly escalated?: boolean;
    /** Notes already shown in the thread, so that SIGNL4's echo of a note added from chat is not shown twice. */
    readonly notes: ReadonlyArray<string>;
}

/** How many recent notes a card remembers for recognising echoes. */
const REMEMBERED_NOTES = 20;

export class CardStore {
    constructor(
        private readonly reader: IPersistenceRead,
        private readonly writer?: IPersistence,
    ) {}

    public async card(ref: string): Promise<AlertCard | undefined> {
        return firstRecord<AlertCard>(this.reader, recordKey('card', ref));
    }

    public async save(card: AlertCard): Promise<void> {
        const saved = { ...card, notes: card.notes.slice(-REMEMBERED_NOTES) };
        await writable(this.writer, 'CardStore').updateByAssociation(recordKey('card', card.ref), saved, true);
    }
}
