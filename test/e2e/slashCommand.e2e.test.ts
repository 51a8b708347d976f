import { RAISED, World } from './world';

/** Point 4: `/signl4` raises alerts by hand, explains itself, and checks the set-up for admins. */
describe('/signl4 in the real Apps-Engine', () => {
    let world: World;

    beforeAll(async () => {
        world = await World.start();
    });

    afterAll(async () => {
        await world.stop();
    });

    function ephemeralsOf(username: string): string[] {
        return world.host
            .ephemerals()
            .filter((ephemeral) => ephemeral.username === username)
            .map((ephemeral) => ephemeral.text ?? '');
    }

    it('raises an alert with the text from the current room, announced by the bot, updates in its thread', async () => {
        await world.host.runCommand('signl4', ['web', 'shop', 'is', 'down'], {
            sender: world.alice,
            room: world.random,
        });

        const announcement = await world.waitForBotMessage(
            (m) => m.text === '🚨 @alice raised a SIGNL4 alert: web shop is down',
            'announcement',
        );
        const reply = await world.waitForThreadText(announcement.id, (text) => text === RAISED, 'raised card');
        const alert = world
            .alertsReceived()
            .find((candidate) => candidate['X-S4-ExternalID'] === `rc-${announcement.id}`);

        expect(announcement.room.id).toBe(world.random.id);
        expect(reply.text).toBe('🚨 SIGNL4 alert raised. Updates will follow in this thread.');
        expect(alert).toMatchObject({ Message: 'web shop is down', User: 'alice', Room: 'random' });
    });

    it('raises a one-word alert with `alert`', async () => {
        await world.host.runCommand('signl4', ['alert', 'fire'], { sender: world.alice, room: world.ops });

        await world.waitForBotMessage((m) => m.text === '🚨 @alice raised a SIGNL4 alert: fire', 'announcement');
    });

    it('shows help, privately, for `help`, no arguments and an unknown single word, and raises nothing', async () => {
        const before = world.alertsReceived().length;

        await world.host.runCommand('signl4', ['help'], { sender: world.alice, room: world.ops });
        await world.host.runCommand('signl4', [], { sender: world.alice, room: world.ops });
        await world.host.runCommand('signl4', ['stauts'], { sender: world.alice, room: world.ops });
        await world.host.runCommand('signl4', ['alert'], { sender: world.alice, room: world.ops });

        const texts = ephemeralsOf('alice');
        expect(texts.filter((text) => text.startsWith('*SIGNL4 commands*'))).toHaveLength(2);
        expect(texts).toContainEqual(
            expect.stringMatching(/^`stauts` is not a \/signl4 command\.\n\*SIGNL4 commands\*/),
        );
        expect(texts).toContain('Please add a text: `/signl4 alert <text>`.');
        expect(texts.find((text) => text.startsWith('*SIGNL4 commands*'))).toContain(
            'A message with a trigger word (SIGNL4) raises an alert too, in #ops, #incidents.',
        );
        expect(world.alertsReceived()).toHaveLength(before);
    });

    it('shows the status only to admins', async () => {
        await world.host.runCommand('signl4', ['status'], { sender: world.alice, room: world.ops });

        expect(ephemeralsOf('alice')).toContain('Only administrators can see the SIGNL4 status.');
        expect(ephemeralsOf('alice').join('\n')).not.toContain(world.eventsToken());
    });

    it('gives an admin the set-up check and the URL to paste into SIGNL4, without raising an alert', async () => {
        const before = world.alertsReceived().length;

        await world.host.runCommand('signl4', ['status'], { sender: world.admin, room: world.ops });

        const [status] = ephemeralsOf('admin').filter((text) => text.startsWith('*SIGNL4 app status*'));
        expect(status.split('\n')).toEqual([
            '*SIGNL4 app status*',
            '✅ SIGNL4 webhook: set',
            '✅ SIGNL4 answers from this server (the secret itself is checked by the first alert)',
            'API key: not set, so cards have no buttons and /signl4 oncall and duty are off',
            'Trigger words: SIGNL4, in #ops, #incidents',
            '✅ Events room: #general',
            expect.stringMatching(/^Last alert: raised \d{4}-\d\d-\d\d \d\d:\d\d UTC$/),
            'Outbound webhook URL for SIGNL4 (Teams > Integrations > Outbound webhooks; keep it secret):',
            String(world.host.getAppSetting('signl4_events_url')),
        ]);
        expect(world.alertsReceived()).toHaveLength(before);
        expect(status).not.toContain('e2eTeamSecret4711');
    });

    it('tells an admin what is wrong when SIGNL4 cannot be reached and the events room is missing', async () => {
        await world.host.setAppSetting('signl4_webhook', 'http://127.0.0.1:9/webhook/unreachableSecret1');
        await world.host.setAppSetting('events_room', 'nowhere');

        await world.host.runCommand('signl4', ['status'], { sender: world.admin, room: world.ops });

        const status = ephemeralsOf('admin').pop() ?? '';
        expect(status).toMatch(/❌ SIGNL4 not reachable: .+/);
        expect(status).toContain('❌ Events room #nowhere does not exist.');
        expect(status).not.toContain('unreachableSecret1');
        await world.host.setAppSetting('signl4_webhook', world.signl4.webhookUrl('e2eTeamSecret4711'));
        await world.host.setAppSetting('events_room', 'general');
    });

    it('says what to set when the webhook is missing', async () => {
        await world.host.setAppSetting('signl4_webhook', '');

        await world.host.runCommand('signl4', ['status'], { sender: world.admin, room: world.ops });

        expect(ephemeralsOf('admin').pop()).toContain(
            '❌ SIGNL4 webhook: not set. Enter the team secret in the app settings.',
        );
        await world.host.setAppSetting('signl4_webhook', world.signl4.webhookUrl('e2eTeamSecret4711'));
    });

    it('leaks no secret into any message or log line', () => {
        expect(world.leakedSecrets()).toEqual([]);
    });
});
