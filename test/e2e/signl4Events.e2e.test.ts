import { freshSignl4Event } from '../fixtures/signl4Fixtures';
import { World } from './world';

const event = freshSignl4Event;

/** Point 5: SIGNL4's outbound events come back to chat, in the thread of the alert they belong to. */
describe('SIGNL4 events in the real Apps-Engine', () => {
    let world: World;

    beforeAll(async () => {
        world = await World.start();
    });

    afterAll(async () => {
        await world.stop();
    });

    it('posts acknowledged, annotated and closed in the thread of the raising message', async () => {
        const { message, externalId, eventId } = await world.raiseFromChat('SIGNL4 checkout returns 500');

        for (const name of ['201-acknowledged', '203-annotated', '201-closed'] as const) {
            expect(await world.sendEvent(event(name, { externalId, eventId }))).toMatchObject({ status: 200 });
        }

        expect(world.host.threadOf(message.id).map((reply) => reply.text)).toEqual([
            '🚨 SIGNL4 alert raised. Updates will follow in this thread.',
            '✅ Acknowledged by Rene',
            '📝 Rene: On my way, ETA 10 minutes.',
            '☑️ Closed by Rene',
        ]);
        expect(world.host.threadOf(message.id).every((reply) => reply.sender.username === 'signl-four.bot')).toBe(true);
    });

    it('finds the thread through the eventId alone, as SIGNL4 answered it to the webhook', async () => {
        const { message, eventId } = await world.raiseFromChat('SIGNL4 queue is stuck');

        await world.sendEvent(event('201-acknowledged', { eventId }));

        expect(world.host.threadOf(message.id).map((reply) => reply.text)).toContain('✅ Acknowledged by Rene');
    });

    it('posts an escalation of a chat alert in its thread', async () => {
        const { message, externalId, eventId } = await world.raiseFromChat('SIGNL4 backups failed');

        await world.sendEvent(event('202-escalated', { externalId, eventId }));

        expect(world.host.threadOf(message.id).map((reply) => reply.text)).toContain(
            '⏫ Escalated: nobody has acknowledged this alert yet.',
        );
    });

    it('does not announce a chat alert a second time when SIGNL4 reports it as new', async () => {
        const { message, externalId, eventId } = await world.raiseFromChat('SIGNL4 cache cold');
        const before = world.botMessages().length;

        expect(await world.sendEvent(event('200-alert-created', { externalId, eventId }))).toMatchObject({
            status: 200,
            content: { result: 'ignored' },
        });
        expect(world.botMessages()).toHaveLength(before);
        expect(world.host.threadOf(message.id)).toHaveLength(1);
    });

    it('posts an alert from monitoring in the events room, and its updates in that thread, found by alert.id', async () => {
        const created = event('200-alert-created');
        const alertId = 'monitoring-1';
        (created.alert as Record<string, unknown>).id = alertId;

        await world.sendEvent(created);
        const announcement = world.botMessages(world.general.id).find((m) => m.text === '🆕 New SIGNL4 alert');
        const escalated = event('202-escalated');
        (escalated.alert as Record<string, unknown>).id = alertId;
        await world.sendEvent(escalated);
        const acknowledged = event('201-acknowledged');
        (acknowledged.alert as Record<string, unknown>).id = alertId;
        await world.sendEvent(acknowledged);

        expect(announcement).toBeDefined();
        expect(world.host.threadOf(announcement!.id).map((reply) => reply.text)).toEqual([
            '⏫ Escalated: nobody has acknowledged this alert yet.',
            '✅ Acknowledged by Rene',
        ]);
    });

    it('shows the title of an alert from outside chat when SIGNL4 sends one, without room-wide mentions', async () => {
        const created = event('200-alert-created');
        Object.assign(created.alert as Record<string, unknown>, { id: 'titled-1', title: 'Disk full on db-2 @all' });

        await world.sendEvent(created);

        expect(world.botMessages(world.general.id).map((m) => m.text)).toContain(
            '🆕 New SIGNL4 alert: Disk full on db-2 @\u200ball',
        );
    });

    it('posts each notification once, even when SIGNL4 delivers it twice', async () => {
        const { message, externalId, eventId } = await world.raiseFromChat('SIGNL4 twice');
        const acknowledged = event('201-acknowledged', { externalId, eventId });

        const first = await world.sendEvent(acknowledged);
        const second = await world.sendEvent(acknowledged);

        expect([first.status, second.status]).toEqual([200, 200]);
        expect(second.content).toEqual({ result: 'duplicate' });
        expect(world.host.threadOf(message.id).filter((reply) => reply.text?.startsWith('✅'))).toHaveLength(1);
    });

    it('refuses a request without the right token with 401, without detail and without a message', async () => {
        const before = world.botMessages().length;
        const acknowledged = event('201-acknowledged');

        const missing = await world.sendEvent(acknowledged, '');
        const wrong = await world.sendEvent(acknowledged, 'f'.repeat(48));

        expect([missing, wrong]).toEqual([
            expect.objectContaining({ status: 401, content: { error: 'unauthorized' } }),
            expect.objectContaining({ status: 401, content: { error: 'unauthorized' } }),
        ]);
        expect(world.botMessages()).toHaveLength(before);
        // A refused request leaves no duplicate marker: the genuine delivery afterwards is still handled.
        expect((await world.sendEvent(acknowledged)).content).not.toEqual({ result: 'duplicate' });
    });

    it('answers a malformed body with 400 and a short reason, and posts nothing', async () => {
        const before = world.botMessages().length;

        const responses = await Promise.all([
            world.sendEvent('not json at all'),
            world.sendEvent({ eventType: 201 }),
            world.sendEvent({ id: 'x-1', eventType: 201 }),
            world.sendEvent({ id: 'x-2', eventType: 'two hundred' }),
        ]);

        expect(responses.map((response) => [response.status, response.content])).toEqual([
            [400, { error: 'body must be a JSON object' }],
            [400, { error: 'missing notification id' }],
            [400, { error: 'alert event without alert id' }],
            [400, { error: 'eventType must be an integer' }],
        ]);
        expect(world.botMessages()).toHaveLength(before);
    });

    it('accepts and ignores unknown event types', async () => {
        const before = world.botMessages().length;

        expect(await world.sendEvent({ id: 'ping-1', eventType: 1 })).toMatchObject({
            status: 200,
            content: { result: 'ignored' },
        });
        expect(world.botMessages()).toHaveLength(before);
    });

    it('posts duty events only when the admin turned them on', async () => {
        const before = world.botMessages(world.general.id).length;
        await world.sendEvent(event('300-duty-started'));
        expect(world.botMessages(world.general.id)).toHaveLength(before);

        await world.host.setAppSetting('post_duty_events', true);
        await world.sendEvent(event('300-duty-started'));
        await world.sendEvent(event('302-punched-in'));

        expect(
            world
                .botMessages(world.general.id)
                .slice(before)
                .map((m) => m.text),
        ).toEqual(['🕘 A SIGNL4 duty period started.', '🟢 a SIGNL4 user punched in.']);
        await world.host.setAppSetting('post_duty_events', false);
    });

    it('posts nothing from outside chat when new alerts and escalations are turned off', async () => {
        await world.host.setAppSetting('post_new_alerts', false);
        await world.host.setAppSetting('post_escalations', false);
        const before = world.botMessages().length;

        const created = event('200-alert-created');
        (created.alert as Record<string, unknown>).id = 'quiet-1';
        await world.sendEvent(created);
        await world.sendEvent(event('202-escalated'));

        expect(world.botMessages()).toHaveLength(before);
        await world.host.setAppSetting('post_new_alerts', true);
        await world.host.setAppSetting('post_escalations', true);
    });

    it('tells the admin in the log when the events room does not exist', async () => {
        await world.host.setAppSetting('events_room', 'no-such-room');
        const created = event('200-alert-created');
        (created.alert as Record<string, unknown>).id = 'lost-1';

        expect(await world.sendEvent(created)).toMatchObject({ status: 200, content: { result: 'ignored' } });
        expect(
            world.host.logLines().some((line) => line.includes('the events_room "no-such-room" does not exist')),
        ).toBe(true);
        await world.host.setAppSetting('events_room', 'general');
    });

    it('leaks no secret into any message or log line', () => {
        expect(world.leakedSecrets()).toEqual([]);
    });
});

describe('SIGNL4 events in a German workspace', () => {
    let world: World;

    beforeAll(async () => {
        world = await World.start({ language: 'de' });
    });

    afterAll(async () => {
        await world.stop();
    });

    it('posts in German', async () => {
        const { message, externalId, eventId } = await world.raiseFromChat('SIGNL4 Datenbank steht');

        await world.sendEvent(event('201-acknowledged', { externalId, eventId }));

        expect(world.host.threadOf(message.id).map((reply) => reply.text)).toEqual([
            '🚨 SIGNL4-Alarm ausgelöst. Neuigkeiten folgen in diesem Thread.',
            '✅ Bestätigt von Rene',
        ]);
    });
});
