import { IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IRoom } from '@rocket.chat/apps-engine/definition/rooms';

import { AppContext } from '../AppContext';
import { renderAlertCard } from '../chat/alertCard';
import { ChatPoster } from '../chat/ChatPoster';
import { AlertCard, CardStatus, CardStore } from '../storage/CardStore';

/**
 * A card's status only moves forward: an acknowledgement arriving after the close changes nothing. Any news from
 * SIGNL4 outranks the app's own view of the delivery: an alert the app gave up on may have got through after all.
 */
const STATUS_RANK: Record<CardStatus, number> = { sending: 0, failed: 0, new: 1, acknowledged: 2, closed: 3 };

export type NewCard = Omit<AlertCard, 'messageId' | 'threadId' | 'status' | 'notes'>;

/**
 * One card per alert, edited in place as the alert changes, with one short line per change in its thread. Changes
 * reach a card from its buttons and from SIGNL4's events, often both for the same change: each shows once.
 */
export class AlertCards {
    private readonly store: CardStore;

    private readonly poster: ChatPoster;

    constructor(
        private readonly app: AppContext,
        private readonly read: IRead,
        private readonly modify: IModify,
        persistence: IPersistence,
    ) {
        this.store = new CardStore(read.getPersistenceReader(), persistence);
        this.poster = new ChatPoster(read, modify, app.settingsCache.config);
    }

    public card(ref: string): Promise<AlertCard | undefined> {
        return this.store.card(ref);
    }

    /** Posts a card with a fallback text; in `threadId` when given (chat alerts), else as a thread of its own. */
    public async post(
        fields: NewCard,
        room: IRoom,
        text: string,
        threadId?: string,
        status: CardStatus = 'new',
    ): Promise<AlertCard> {
        const draft: AlertCard = { ...fields, messageId: '', threadId: threadId ?? '', status, notes: [] };
        const messageId = await this.poster.post(room, text, threadId, this.blocks(draft));
        const card = { ...draft, messageId, threadId: threadId ?? messageId };
        await this.store.save(card);

        return card;
    }

    /** Moves the card to a later status, edits it and says so in its thread; false when it already was there. */
    public async changeStatus(ref: string, status: CardStatus, by: string, line: string): Promise<boolean> {
        const card = await this.store.card(ref);
        if (!card || STATUS_RANK[status] <= STATUS_RANK[card.status]) {
            return false;
        }
        const changed = { ...card, status, statusBy: by };
        await this.store.save(changed);
        await this.redraw(changed);
        await this.say(changed, line);

        return true;
    }

    /**
     * Ends a chat alert's delivery on its card: `new` once SIGNL4 took it, `failed` when the app gave up. The message
     * text, which notifications show, follows; a status SIGNL4 already reported is kept. False without a card.
     */
    public async settleDelivery(ref: string, outcome: 'new' | 'failed', text: string): Promise<boolean> {
        const card = await this.store.card(ref);
        if (!card) {
            return false;
        }
        const settled = STATUS_RANK[card.status] < STATUS_RANK.new ? { ...card, status: outcome } : card;
        await this.store.save(settled);
        await this.redraw(settled, text);

        return true;
    }

    /** Marks an unhandled alert as escalated, once; an escalation of a handled alert changes nothing. */
    public async markEscalated(ref: string, line: string): Promise<boolean> {
        const card = await this.store.card(ref);
        if (!card || card.escalated || card.status !== 'new') {
            return false;
        }
        const escalated = { ...card, escalated: true };
        await this.store.save(escalated);
        await this.redraw(escalated);
        await this.say(escalated, line);

        return true;
    }

    /**
     * Announces a note about to be sent from chat, before SIGNL4 is asked: SIGNL4's echo of it may arrive (on any
     * server instance) before the REST call has even answered, and must be recognised then.
     */
    public async expectNote(ref: string, text: string): Promise<void> {
        const card = await this.store.card(ref);
        if (card) {
            await this.store.save({ ...card, notes: [...card.notes, text.trim()] });
        }
    }

    /** Takes back {@link expectNote} for a note SIGNL4 did not take. */
    public async forgetNote(ref: string, text: string): Promise<void> {
        const card = await this.store.card(ref);
        if (card) {
            await this.store.save({ ...card, notes: withoutFirst(card.notes, text.trim()) });
        }
    }

    /** Shows a note in the card's thread, unless it is SIGNL4's echo of a note added from chat. */
    public async addNote(ref: string, text: string, line: string, origin: 'chat' | 'signl4'): Promise<boolean> {
        const card = await this.store.card(ref);
        if (!card) {
            return false;
        }
        const fingerprint = text.trim();
        if (origin === 'signl4' && card.notes.includes(fingerprint)) {
            await this.store.save({ ...card, notes: withoutFirst(card.notes, fingerprint) });

            return false;
        }
        await this.say(card, line);

        return true;
    }

    /** Remembers SIGNL4's id of the alert, needed by the buttons and the "Open in SIGNL4" link. */
    public async learnAlertId(ref: string, alertId: string): Promise<AlertCard | undefined> {
        const card = await this.store.card(ref);
        if (!card || card.alertId === alertId) {
            return card;
        }
        const known = { ...card, alertId };
        await this.store.save(known);
        await this.redraw(known);

        return known;
    }

    public async say(card: AlertCard, line: string): Promise<void> {
        const room = await this.poster.roomById(card.roomId);
        if (room) {
            await this.poster.post(room, line, card.threadId);
        }
    }

    private async redraw(card: AlertCard, text?: string): Promise<void> {
        const appUser = await this.read.getUserReader().getAppUser(this.app.getID());
        if (!appUser) {
            return;
        }
        const builder = await this.modify.getUpdater().message(card.messageId, appUser);
        builder.setBlocks(this.blocks(card));
        if (text) {
            builder.setText(text);
        }
        await this.modify.getUpdater().finish(builder);
    }

    private blocks(card: AlertCard) {
        const config = this.app.settingsCache.config;

        return renderAlertCard(card, this.app.settingsCache.language, {
            appId: this.app.getID(),
            buttons: Boolean(config.apiKey),
            signl4Link: config.alertLink,
        });
    }
}

function withoutFirst(notes: ReadonlyArray<string>, note: string): string[] {
    const index = notes.indexOf(note);

    return index < 0 ? [...notes] : [...notes.slice(0, index), ...notes.slice(index + 1)];
}
