import { StoredMessage } from '../harness/host';
import { freshSignl4Event } from '../fixtures/signl4Fixtures';
import { World } from './world';

type Block = { type: string; blockId?: string; text?: { text: string }; elements?: Array<Record<string, unknown>> };

function blocksOf(message: StoredMessage | undefined): Block[] {
    return (message?.blocks ?? []) as unknown as Block[];
}

function badge(message: StoredMessage | undefined): string {
    const details = blocksOf(message).find((block) => block.blockId === 'signl4-card-details');

    return String(details?.elements?.[0]?.text ?? '').split(' · ')[0];
}

function buttons(message: StoredMessage | undefined): string[] {
    const actions = blocksOf(message).find((block) => block.type === 'actions');

    return (actions?.elements ?? []).map((element) => String(element.actionId));
}

const event = freshSignl4Event;

/** Issue 3, points 1 and 3 without an API key: one card per alert, its status edited in place by SIGNL4's events. */
describe('alert cards in the real Apps-Engine, without an API key', () => {
    let world: World;

    beforeAll(async () => {
        world = await World.start({ settings: { signl4_service: 'Checkout' } });
    });

    afterAll(async () => {
        await world.stop();
    });

    it('posts the card as the first reply in the raising thread, with title, status, origin and a hint', async () => {
        const { message } = await world.raiseFromChat('SIGNL4 checkout API returns 500');
        const [card] = world.host.threadOf(message.id);

        expect(card.text).toBe('🚨 SIGNL4 alert raised. Updates will follow in this thread.');
        expect(blocksOf(card)[0].text?.text).toBe(
            '*alice in #ops: SIGNL4 checkout API returns 500*\nSIGNL4 checkout API returns 500',
        );
        expect(String(blocksOf(card)[1].elements?.[0]?.text)).toMatch(
            new RegExp(
                '^🆕 New · Service: Checkout · raised by @alice in #ops · \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC · ' +
                    `\\[message\\]\\(https://chat\\.example\\.com/channel/ops\\?msg=${message.id}\\)$`,
            ),
        );
        expect(buttons(card)).toEqual([]);
        expect(blocksOf(card).map((block) => block.blockId)).toContain('signl4-card-hint');
    });

    it('edits the card in place as SIGNL4 reports acknowledged and closed, and adds one line each to the thread', async () => {
        const { message, externalId, eventId } = await world.raiseFromChat('SIGNL4 disk full');
        const cardId = world.host.threadOf(message.id)[0].id;

        await world.sendEvent(event('201-acknowledged', { externalId, eventId }));
        const acknowledged = world.host.messages().find((m) => m.id === cardId);
        expect(badge(acknowledged)).toBe('✅ Acknowledged by Rene');

        await world.sendEvent(event('201-acknowledged', { externalId, eventId }));
        await world.sendEvent(event('201-closed', { externalId, eventId }));
        await world.sendEvent(event('201-acknowledged', { externalId, eventId }));
        const closed = world.host.messages().find((m) => m.id === cardId);

        expect(badge(closed)).toBe('☑️ Closed by Rene');
        expect(blocksOf(closed).map((block) => block.blockId)).not.toContain('signl4-card-hint');
        expect(world.host.threadOf(message.id).map((reply) => reply.text)).toEqual([
            '🚨 SIGNL4 alert raised. Updates will follow in this thread.',
            '✅ Acknowledged by Rene',
            '☑️ Closed by Rene',
        ]);
    });

    it('gives an alert from outside chat a card in the events room, updated in place, found by alert.id', async () => {
        const created = event('200-alert-created');
        Object.assign(created.alert as Record<string, unknown>, {
            id: 'mon-7',
            title: 'CPU 98% on web-3',
            text: 'for 10 min',
        });
        await world.sendEvent(created);
        const card = world
            .botMessages(world.general.id)
            .find((m) => m.text === '🆕 New SIGNL4 alert: CPU 98% on web-3');

        const acknowledged = event('201-acknowledged');
        (acknowledged.alert as Record<string, unknown>).id = 'mon-7';
        await world.sendEvent(acknowledged);

        expect(blocksOf(card)[0].text?.text).toBe('*CPU 98% on web-3*\nfor 10 min');
        expect(badge(world.host.messages().find((m) => m.id === card?.id))).toBe('✅ Acknowledged by Rene');
        expect(world.host.threadOf(card!.id).map((reply) => reply.text)).toEqual(['✅ Acknowledged by Rene']);
    });

    it('resolves an alert from its thread with /signl4 resolve, through the webhook, and shows the close once', async () => {
        const { message, externalId, eventId } = await world.raiseFromChat('SIGNL4 login broken');
        const cardId = world.host.threadOf(message.id)[0].id;

        await world.host.runCommand('signl4', ['resolve'], {
            sender: world.alice,
            room: world.ops,
            threadId: message.id,
        });
        await world.sendEvent(event('201-closed', { externalId, eventId }));

        expect(world.alertsReceived().pop()).toEqual({
            'X-S4-ExternalID': externalId,
            'X-S4-Status': 'resolved',
            'X-S4-SourceSystem': 'RocketChat',
        });
        expect(badge(world.host.messages().find((m) => m.id === cardId))).toBe('☑️ Closed by @alice');
        expect(world.host.threadOf(message.id).map((reply) => reply.text)).toEqual([
            '🚨 SIGNL4 alert raised. Updates will follow in this thread.',
            '☑️ Resolved from chat by @alice',
        ]);
    });

    it('explains /signl4 resolve outside an alert thread, and refuses to resolve a closed alert again', async () => {
        const before = world.alertsReceived().length;
        const { message } = await world.raiseFromChat('SIGNL4 to be closed twice');
        await world.host.runCommand('signl4', ['resolve'], {
            sender: world.alice,
            room: world.ops,
            threadId: message.id,
        });

        await world.host.runCommand('signl4', ['resolve'], { sender: world.alice, room: world.ops });
        await world.host.runCommand('signl4', ['resolve'], {
            sender: world.alice,
            room: world.ops,
            threadId: message.id,
        });

        const answers = world.host
            .ephemerals()
            .filter((ephemeral) => ephemeral.username === 'alice')
            .map((ephemeral) => ephemeral.text);
        expect(answers.slice(-2)).toEqual([
            'Use `/signl4 resolve` in the thread of an alert.',
            'This alert is already closed.',
        ]);
        expect(world.alertsReceived()).toHaveLength(before + 2);
    });

    it('marks the card escalated once, however often SIGNL4 escalates', async () => {
        const { message, externalId, eventId } = await world.raiseFromChat('SIGNL4 nobody answers');
        const cardId = world.host.threadOf(message.id)[0].id;

        await world.sendEvent(event('202-escalated', { externalId, eventId }));
        await world.sendEvent(event('202-escalated', { externalId, eventId }));

        expect(badge(world.host.messages().find((m) => m.id === cardId))).toBe('🆕 New');
        expect(
            String(blocksOf(world.host.messages().find((m) => m.id === cardId))[1].elements?.[0]?.text).startsWith(
                '🆕 New · ⏫ Escalated · ',
            ),
        ).toBe(true);
        expect(world.host.threadOf(message.id).map((reply) => reply.text)).toEqual([
            '🚨 SIGNL4 alert raised. Updates will follow in this thread.',
            '⏫ Escalated: nobody has acknowledged this alert yet.',
        ]);
    });
});
