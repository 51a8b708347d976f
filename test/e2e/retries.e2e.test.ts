import { HostStore } from '../harness/host';
import { RAISED, World } from './world';

const RETRY = 'signl4-alert-retry';

/** Point 6: when SIGNL4 cannot take an alert, the scheduler retries it, and the room hears how it ended. */
describe('retries through the Apps-Engine scheduler', () => {
    let world: World;

    beforeAll(async () => {
        world = await World.start();
    });

    afterAll(async () => {
        await world.stop();
    });

    type Block = { type: string; blockId?: string; elements?: Array<{ text?: string; actionId?: string }> };

    /** The status line of the card, the first reply in the raising thread. */
    function cardDetails(threadId: string): string {
        const blocks = (world.host.threadOf(threadId)[0]?.blocks ?? []) as unknown as Block[];

        return String(blocks.find((block) => block.blockId === 'signl4-card-details')?.elements?.[0]?.text);
    }

    function cardButtons(threadId: string): string[] {
        const blocks = (world.host.threadOf(threadId)[0]?.blocks ?? []) as unknown as Block[];

        return (blocks.find((block) => block.type === 'actions')?.elements ?? []).map((element) =>
            String(element.actionId),
        );
    }

    function retryJobs() {
        return world.host.jobs().filter((job) => job.processorId.startsWith(RETRY));
    }

    async function raiseWhileDown(text: string, noticeWithinMs = 5000) {
        const message = world.host.sendMessage({ room: world.ops, sender: world.alice, text });
        const notice = await world.host.waitFor(
            () => world.botMessages().find((m) => m.threadId === message.id && m.text?.startsWith('⏳ SIGNL4 is not')),
            noticeWithinMs,
            'retry notice',
        );
        await world.host.waitFor(() => retryJobs().length > 0, 5000, 'retry job');

        return { message, notice, externalId: `rc-${message.id}` };
    }

    it('retries after a 500 and tells the thread when the alert finally got through', async () => {
        world.signl4.answerNext({ kind: 'serverError' });
        const { message, notice, externalId } = await raiseWhileDown('SIGNL4 payment gateway down');
        expect(cardDetails(message.id)).toMatch(/^⏳ Sending to SIGNL4 · /);

        expect(notice.text).toBe(
            '⏳ SIGNL4 is not reachable right now (HTTP 500). The alert will be retried automatically, next in 15 s.',
        );
        const [job] = retryJobs();
        expect(job.data).toMatchObject({ externalId });
        expect(job.nextRunAt.getTime() - world.host.now().getTime()).toBe(15_000);

        expect(await world.host.advance(14_000)).toEqual([]);
        const runs = await world.host.advance(1_000);

        expect(runs).toEqual([expect.objectContaining({ processorId: expect.stringContaining(RETRY), ok: true })]);
        expect(retryJobs()).toEqual([]);
        expect(world.host.threadOf(message.id).map((reply) => reply.text)).toEqual([
            RAISED,
            '⏳ SIGNL4 is not reachable right now (HTTP 500). The alert will be retried automatically, next in 15 s.',
            '🚨 SIGNL4 took the alert after 2 attempts.',
        ]);
        expect(world.signl4.raisedAlerts().filter((alert) => alert.externalId === externalId)).toHaveLength(1);
        expect(cardDetails(message.id)).toMatch(/^🆕 New · /);
    });

    it('waits as long as Retry-After asks on a 429', async () => {
        world.signl4.answerNext({ kind: 'rateLimited', retryAfterSeconds: 120 });
        const { message } = await raiseWhileDown('SIGNL4 throttled');

        const [job] = retryJobs();
        expect(job.nextRunAt.getTime() - world.host.now().getTime()).toBe(120_000);
        expect(await world.host.advance(119_000)).toEqual([]);
        await world.host.advance(1_000);

        expect(world.host.threadOf(message.id).map((reply) => reply.text)).toContain(
            '🚨 SIGNL4 took the alert after 2 attempts.',
        );
    });

    it('honours X-RateLimit-Reset when SIGNL4 sends no Retry-After', async () => {
        const reset = Math.ceil(Date.now() / 1000) + 300;
        world.signl4.answerNext({ kind: 'rateLimited', rateLimitResetEpochSeconds: reset });
        await raiseWhileDown('SIGNL4 window full');

        const waitMs = retryJobs()[0].nextRunAt.getTime() - world.host.now().getTime();
        expect(waitMs).toBeGreaterThanOrEqual(290_000);
        expect(waitMs).toBeLessThanOrEqual(301_000);
        await world.host.advance(301_000);
        expect(retryJobs()).toEqual([]);
    });

    it('retries when SIGNL4 does not answer at all or too slowly', async () => {
        world.signl4.answerNext({ kind: 'drop' });
        const dropped = await raiseWhileDown('SIGNL4 connection reset');
        await world.host.advance(15_000);

        // Longer than the app's 10 s HTTP timeout.
        world.signl4.answerNext({ kind: 'slow', delayMs: 11_000 });
        const slow = await raiseWhileDown('SIGNL4 slow network', 15_000);
        await world.host.advance(15_000);

        expect(dropped.notice.text).toBe(
            '⏳ SIGNL4 is not reachable right now (connection failed). The alert will be retried automatically, next in 15 s.',
        );
        expect(slow.notice.text).toBe(
            '⏳ SIGNL4 is not reachable right now (no answer in time). The alert will be retried automatically, next in 15 s.',
        );
        for (const { message } of [dropped, slow]) {
            expect(world.host.threadOf(message.id).map((reply) => reply.text)).toContain(
                '🚨 SIGNL4 took the alert after 2 attempts.',
            );
        }
        expect(world.host.logLines().some((line) => /SIGNL4 not reachable \(connection failed: .+\)/.test(line))).toBe(
            true,
        );
    }, 30_000);

    it('tells the room after the last attempt that the alert could not be raised', async () => {
        world.signl4.answerNext(...Array.from({ length: 6 }, () => ({ kind: 'serverError' as const, status: 503 })));
        const { message } = await raiseWhileDown('SIGNL4 everything is on fire');

        for (const wait of [15_000, 60_000, 300_000, 900_000, 1_800_000]) {
            await world.host.advance(wait);
        }

        expect(retryJobs()).toEqual([]);
        expect(world.host.threadOf(message.id).map((reply) => reply.text)).toEqual([
            '❌ No SIGNL4 alert was raised; the reason follows in this thread.',
            '⏳ SIGNL4 is not reachable right now (HTTP 503). The alert will be retried automatically, next in 15 s.',
            '❌ The alert could not be raised: SIGNL4 was not reachable after 6 attempts (HTTP 503). ' +
                'Please reach the on-call team another way.',
        ]);
        expect(world.host.logLines().some((line) => line.includes('given up after 6 attempts'))).toBe(true);
        expect(cardDetails(message.id)).toMatch(/^❌ Not raised in SIGNL4 · /);
        expect(cardButtons(message.id)).toEqual([]);
    });

    it('leaks no secret into any message or log line', () => {
        expect(world.leakedSecrets()).toEqual([]);
    });
});

/** Point 8 and the "restart loses nothing" part of point 6: state lives in persistence and the job queue. */
describe('restarts and a second server instance', () => {
    it('finishes a pending retry after a server restart', async () => {
        const world = await World.start();
        try {
            world.signl4.answerNext({ kind: 'serverError' });
            const message = world.host.sendMessage({
                room: world.ops,
                sender: world.alice,
                text: 'SIGNL4 before restart',
            });
            await world.waitForThreadText(message.id, (text) => text.startsWith('⏳ SIGNL4 is not'), 'retry notice');
            await world.host.waitFor(() => world.host.jobs().length > 1, 5000, 'retry job');

            await world.host.restart();
            await world.host.advance(15_000);

            expect(world.host.threadOf(message.id).map((reply) => reply.text)).toContain(
                '🚨 SIGNL4 took the alert after 2 attempts.',
            );
        } finally {
            await world.stop();
        }
    });

    it('posts an acknowledgement that reaches another instance in the thread raised on the first', async () => {
        const store = new HostStore();
        const first = await World.start({ store });
        const second = await World.start({ store });
        try {
            const { message, externalId, eventId } = await first.raiseFromChat('SIGNL4 cluster-wide');
            const acknowledged = {
                id: 'cluster-ack-1',
                eventType: 201,
                user: { username: 'Rene' },
                alert: { id: 'a-cluster', statusCode: 2, externalEventId: externalId, eventId },
            };

            expect(await second.sendEvent(acknowledged, first.eventsToken())).toMatchObject({ status: 200 });
            // The same delivery retried against the first instance is recognised as a duplicate.
            expect(await first.sendEvent(acknowledged)).toMatchObject({ content: { result: 'duplicate' } });
            expect(first.host.threadOf(message.id).map((reply) => reply.text)).toEqual([
                '🚨 SIGNL4 alert raised. Updates will follow in this thread.',
                '✅ Acknowledged by Rene',
            ]);
        } finally {
            await second.stop();
            await first.stop();
        }
    });
});
