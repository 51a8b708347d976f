import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IRoom } from '@rocket.chat/apps-engine/definition/rooms';

import { AppContext } from '../AppContext';
import { AlertCards, NewCard } from './AlertCards';
import { ChatPoster } from '../chat/ChatPoster';
import { t, TextKey } from '../locale/texts';
import { AlertRecord, AlertStore } from '../storage/AlertStore';
import { AlertRequest } from '../signl4/AlertRequest';
import { DeliveryOutcome } from '../signl4/deliveryOutcome';
import { WebhookClient } from '../signl4/WebhookClient';
import { formatWait, MAX_ATTEMPTS, nextRetryDelayMs } from './retryPolicy';

/** The scheduler processor that retries an alert SIGNL4 could not take; its job data is `{ externalId }`. */
export const RETRY_PROCESSOR_ID = 'signl4-alert-retry';

/**
 * Hands alerts to SIGNL4 and tells the raising thread how it went. Every attempt's state is saved before the next one
 * is scheduled, so a restart or another server instance picks up where this one stopped, and no alert is dropped
 * without a message in chat.
 */
export class AlertRaiser {
    private readonly store: AlertStore;

    private readonly poster: ChatPoster;

    private readonly cards: AlertCards;

    constructor(
        private readonly app: AppContext,
        private readonly read: IRead,
        private readonly modify: IModify,
        private readonly http: IHttp,
        persistence: IPersistence,
    ) {
        this.store = new AlertStore(read.getPersistenceReader(), persistence);
        this.poster = new ChatPoster(read, modify, app.settingsCache.config);
        this.cards = new AlertCards(app, read, modify, persistence);
    }

    /** Raises a new alert whose updates go to `threadId` in `room`. A request already seen is not raised twice. */
    public async raise(request: AlertRequest, room: IRoom, threadId: string): Promise<void> {
        const { webhook } = this.app.settingsCache.config;
        if (typeof webhook === 'string') {
            this.app
                .getLogger()
                .warn(`Alert ${request.externalId} not raised: the signl4_webhook setting is ${webhook}.`);
            await this.say(room, webhook === 'missing' ? 'notConfigured' : 'webhookInvalid', threadId);

            return;
        }
        if (await this.store.alert(request.externalId)) {
            return;
        }

        const record: AlertRecord = {
            externalId: request.externalId,
            roomId: room.id,
            threadId,
            request,
            state: 'pending',
            attempts: 0,
            createdAt: new Date().toISOString(),
        };
        await this.store.saveAlert(record);
        await this.store.linkId('thread', threadId, { ...record, cardRef: record.externalId });
        // The card is the alert's first reply in the raising thread, at once; it shows how the delivery goes.
        await this.cards.post(
            cardFields(record, room),
            room,
            t(this.app.settingsCache.language, 'alertSending'),
            threadId,
            'sending',
        );
        await this.attempt(record, room);
    }

    /** The scheduler's entry point: one more attempt for an alert still pending. */
    public async retry(externalId: string): Promise<void> {
        const record = await this.store.alert(externalId);
        if (!record || record.state !== 'pending') {
            return;
        }
        await this.app.settingsCache.loadWorkspaceSettings(this.read.getEnvironmentReader());
        const room = await this.poster.roomById(record.roomId);
        if (!room) {
            this.app.getLogger().error(`Alert ${externalId} dropped: its room ${record.roomId} no longer exists.`);
            await this.store.saveAlert({ ...record, state: 'failed', lastError: 'room deleted' });

            return;
        }
        await this.attempt(record, room);
    }

    private async attempt(record: AlertRecord, room: IRoom): Promise<void> {
        const { webhook } = this.app.settingsCache.config;
        const outcome: DeliveryOutcome =
            typeof webhook === 'string'
                ? { kind: 'rejected', status: 0, reason: `signl4_webhook setting ${webhook}` }
                : await new WebhookClient(this.http, webhook).raise(record.request);
        const attempted = { ...record, attempts: record.attempts + 1 };

        switch (outcome.kind) {
            case 'accepted':
                return this.accepted(attempted, room, outcome.eventId);
            case 'rejected':
                return this.rejected(attempted, room, outcome.reason);
            case 'retryable':
                return this.postpone(attempted, room, outcome);
        }
    }

    private async accepted(record: AlertRecord, room: IRoom, eventId: string | undefined): Promise<void> {
        await this.store.saveAlert({ ...record, state: 'raised', eventId, lastError: undefined });
        if (eventId) {
            await this.store.linkId('event', eventId, record);
        }
        await this.store.saveLastOutcome({ state: 'raised', at: new Date().toISOString() });
        const { externalId, attempts } = record;
        this.app
            .getLogger()
            .info(`Alert ${externalId} raised in SIGNL4 (event ${eventId ?? 'unknown'}, attempt ${attempts}).`);

        const raised = t(this.app.settingsCache.language, 'alertRaised');
        if (!(await this.cards.settleDelivery(externalId, 'new', raised))) {
            // An alert whose retry was pending when the app was updated to cards has none yet.
            await this.cards.post(cardFields(record, room), room, raised, record.threadId);
        }
        if (attempts > 1) {
            // The thread heard that SIGNL4 was down; it hears the good news too, as a message that notifies.
            await this.say(room, 'alertRetrySucceeded', record.threadId, { attempts });
        }
    }

    private async rejected(record: AlertRecord, room: IRoom, reason: string): Promise<void> {
        await this.store.saveAlert({ ...record, state: 'failed', lastError: reason });
        await this.store.saveLastOutcome({ state: 'failed', at: new Date().toISOString(), reason });
        this.app
            .getLogger()
            .error(
                `SIGNL4 rejected alert ${record.externalId} (${reason}). Check the signl4_webhook setting: it must be the team ` +
                    'or integration secret, or the full webhook URL, from the SIGNL4 portal.',
            );
        await this.cards.settleDelivery(
            record.externalId,
            'failed',
            t(this.app.settingsCache.language, 'alertNotRaised'),
        );
        await this.say(room, 'alertRejected', record.threadId, { reason });
    }

    private async postpone(
        record: AlertRecord,
        room: IRoom,
        { reason, detail, retryAfterMs }: Extract<DeliveryOutcome, { kind: 'retryable' }>,
    ): Promise<void> {
        const delayMs = nextRetryDelayMs(record.attempts, retryAfterMs);
        const logged = detail ? `${reason}: ${detail}` : reason;
        if (delayMs === undefined) {
            await this.store.saveAlert({ ...record, state: 'failed', lastError: reason });
            await this.store.saveLastOutcome({ state: 'failed', at: new Date().toISOString(), reason });
            this.app
                .getLogger()
                .error(`Alert ${record.externalId} given up after ${record.attempts} attempts: ${logged}.`);
            const notRaised = t(this.app.settingsCache.language, 'alertNotRaised');
            await this.cards.settleDelivery(record.externalId, 'failed', notRaised);
            await this.say(room, 'alertFailed', record.threadId, { attempts: record.attempts, reason });

            return;
        }

        await this.store.saveAlert({ ...record, state: 'pending', lastError: reason });
        await this.store.saveLastOutcome({ state: 'pending', at: new Date().toISOString(), reason });
        await this.modify.getScheduler().scheduleOnce({
            id: RETRY_PROCESSOR_ID,
            when: `${Math.ceil(delayMs / 1000)} seconds`,
            data: { externalId: record.externalId },
        });
        this.app
            .getLogger()
            .warn(
                `Alert ${record.externalId}: SIGNL4 not reachable (${logged}), attempt ${record.attempts} of ${MAX_ATTEMPTS}; ` +
                    `next try in ${Math.ceil(delayMs / 1000)} s.`,
            );
        if (record.attempts === 1) {
            await this.say(room, 'alertRetrying', record.threadId, { reason, wait: formatWait(delayMs) });
        }
    }

    private async say(
        room: IRoom,
        key: TextKey,
        threadId: string,
        params: Record<string, string | number> = {},
    ): Promise<void> {
        await this.poster.post(room, t(this.app.settingsCache.language, key, params), threadId);
    }
}

/** What a chat alert's card shows of the alert. */
function cardFields(record: AlertRecord, room: IRoom): NewCard {
    const { externalId, request } = record;

    return {
        ref: externalId,
        roomId: room.id,
        externalId,
        title: request.title,
        text: request.text,
        service: request.service,
        raisedBy: request.username,
        roomName: request.roomName,
        raisedAt: record.createdAt,
        messageUrl: request.messageUrl,
    };
}
