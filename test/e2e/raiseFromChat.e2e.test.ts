import * as fs from 'fs';
import * as path from 'path';

import { appZip } from './appZip';
import { RAISED, SITE_URL, TEAM_SECRET, World } from './world';

/** Points 1 to 3 and 7: install, settings, alerts raised by chat messages, and the cost of every other message. */
describe('the packaged app in the real Apps-Engine: install, settings and alerts from chat', () => {
    let world: World;

    beforeAll(async () => {
        world = await World.start();
    });

    afterAll(async () => {
        await world.stop();
    });

    it('installs from the zip with its permissions declared and a bot user of type app', () => {
        const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../app.json'), 'utf8'));

        expect(fs.existsSync(appZip())).toBe(true);
        expect(manifest.requiredApiVersion).toBe('^1.43.0');
        expect(manifest.implements).toEqual(['IPostMessageSent', 'IUIKitInteractionHandler']);
        expect(manifest.permissions.map((permission: { name: string }) => permission.name).sort()).toEqual(
            [
                'api',
                'message.read',
                'message.write',
                'networking',
                'persistence',
                'room.read',
                'scheduler',
                'server-setting.read',
                'slashcommand',
                'ui.interact',
                'user.read',
            ].sort(),
        );
        expect(world.host.appUser()).toMatchObject({ username: 'signl-four.bot', type: 'app' });
    });

    it('writes the events URL from the Site URL and a secret token, and puts it back when an admin edits it', async () => {
        const expected = new RegExp(
            `^${SITE_URL.replace(/\./g, '\\.')}/api/apps/public/${world.host.appId}/events\\?token=[0-9a-f]{48}$`,
        );
        const url = String(world.host.getAppSetting('signl4_events_url'));
        expect(url).toMatch(expected);

        await world.host.setAppSetting('signl4_events_url', 'https://evil.example.com/hook');

        await world.host.waitFor(() => world.host.getAppSetting('signl4_events_url') === url, 5000, 'URL restored');
    });

    it('raises an alert for a trigger word in an allowed room and answers in the thread', async () => {
        const message = world.host.sendMessage({
            room: world.ops,
            sender: world.alice,
            text: 'signl4 the database is down',
        });

        const reply = await world.waitForThreadText(message.id, (text) => text === RAISED, 'alert raised card');
        const [alert] = world.alertsReceived();

        expect(reply.text).toBe('🚨 SIGNL4 alert raised. Updates will follow in this thread.');
        expect(reply.sender.username).toBe('signl-four.bot');
        expect(alert).toEqual({
            'Title': 'alice in #ops: signl4 the database is down',
            'Message': 'signl4 the database is down',
            'User': 'alice',
            'Room': 'ops',
            'Link': `${SITE_URL}/channel/ops?msg=${message.id}`,
            'X-S4-ExternalID': `rc-${message.id}`,
            'X-S4-Status': 'new',
            'X-S4-SourceSystem': 'RocketChat',
            'X-S4-Filtering': 'false',
        });
        expect(world.signl4.requests()[0].headers['content-type']).toContain('application/json');
    });

    it('gives every alert its own ExternalID', async () => {
        const before = world.alertsReceived().length;
        const first = world.host.sendMessage({ room: world.ops, sender: world.alice, text: 'SIGNL4 one' });
        const second = world.host.sendMessage({ room: world.ops, sender: world.alice, text: 'SIGNL4 two' });

        await world.host.waitFor(() => world.alertsReceived().length === before + 2, 10_000, 'two alerts');

        expect(
            world
                .alertsReceived()
                .slice(before)
                .map((alert) => alert['X-S4-ExternalID'])
                .sort(),
        ).toEqual([`rc-${first.id}`, `rc-${second.id}`].sort());
    });

    it('sends the configured service, scenario and filtering', async () => {
        await world.host.setAppSetting('signl4_service', 'Database');
        await world.host.setAppSetting('alerting_scenario', 'emergency');
        await world.host.setAppSetting('signl4_filtering', true);
        const message = world.host.sendMessage({ room: world.ops, sender: world.alice, text: 'SIGNL4 replica lag' });

        await world.waitForThreadText(message.id, (text) => text === RAISED, 'alert raised card');
        const alert = world.alertsReceived().find((candidate) => candidate['X-S4-ExternalID'] === `rc-${message.id}`);

        expect(alert).toMatchObject({
            'X-S4-Service': 'Database',
            'X-S4-AlertingScenario': 'emergency',
            'X-S4-Filtering': 'true',
        });
        await world.host.setAppSetting('signl4_service', '');
        await world.host.setAppSetting('alerting_scenario', 'team_default');
        await world.host.setAppSetting('signl4_filtering', false);
    });

    it('answers a trigger word inside a thread in that same thread', async () => {
        const root = world.host.sendMessage({ room: world.ops, sender: world.alice, text: 'is anyone around?' });
        const reply = world.host.sendMessage({
            room: world.ops,
            sender: world.alice,
            text: 'ok, SIGNL4 it is',
            threadId: root.id,
        });

        const answer = await world.waitForBotMessage(
            (m) => m.text?.startsWith('🚨') === true && m.threadId === root.id,
            'thread',
        );

        expect(world.alertsReceived().some((alert) => alert['X-S4-ExternalID'] === `rc-${reply.id}`)).toBe(true);
        expect(answer.threadId).toBe(root.id);
    });

    it('raises nothing for other rooms, its own messages, other bots, edits and words that only contain the trigger', async () => {
        const before = world.alertsReceived().length;
        const botMessagesBefore = world.botMessages().length;
        const appUser = world.host.appUser()!;

        world.host.sendMessage({ room: world.random, sender: world.alice, text: 'SIGNL4 in the wrong room' });
        world.host.sendMessage({ room: world.ops, sender: appUser, text: 'SIGNL4 said by the bot itself' });
        world.host.sendMessage({ room: world.ops, sender: world.otherBot, text: 'SIGNL4 from another bot' });
        world.host.sendMessage({ room: world.ops, sender: world.alice, text: 'SIGNL4X is not the word' });
        const plain = world.host.sendMessage({ room: world.ops, sender: world.alice, text: 'all quiet' });
        world.host.editMessage(plain.id, 'all quiet, SIGNL4');
        await world.settle();

        expect(world.alertsReceived()).toHaveLength(before);
        expect(world.botMessages()).toHaveLength(botMessagesBefore);
    });

    it('costs a message that cannot raise an alert no accessor round trip', async () => {
        world.host.resetBridgeCalls();

        for (let index = 0; index < 20; index++) {
            world.host.sendMessage({ room: world.ops, sender: world.alice, text: `routine message ${index}` });
            world.host.sendMessage({ room: world.random, sender: world.alice, text: `SIGNL4 elsewhere ${index}` });
        }
        await world.settle();

        expect(world.host.appRequests()).toEqual([]);
        expect(world.host.bridgeCalls()).toEqual([]);
    });

    it('pays the round trips only for a message that raises an alert', async () => {
        world.host.resetBridgeCalls();
        const message = world.host.sendMessage({ room: world.ops, sender: world.alice, text: 'SIGNL4 counted' });
        await world.waitForThreadText(message.id, (text) => text === RAISED, 'alert raised card');

        const methods = world.host.bridgeCalls().map((call) => call.method);
        expect(methods).toEqual(expect.arrayContaining(['doCall', 'doCreate']));
        expect(world.host.appRequests().length).toBeGreaterThan(0);
    });

    it('tells the room that SIGNL4 rejected the alert when the secret is wrong, and the admin what to fix', async () => {
        await world.host.setAppSetting('signl4_webhook', world.signl4.webhookUrl('wrongSecret42'));
        const message = world.host.sendMessage({ room: world.ops, sender: world.alice, text: 'SIGNL4 wrong secret' });

        const reply = await world.waitForThreadText(message.id, (text) => text.startsWith('❌ SIGNL4'), 'rejection');

        expect(reply.text).toBe(
            '❌ SIGNL4 rejected the alert (HTTP 404). An admin must check the SIGNL4 webhook setting of the SIGNL4 app.',
        );
        expect(world.host.jobs().filter((job) => job.processorId.startsWith('signl4-alert-retry'))).toEqual([]);
        expect(world.host.logLines().some((line) => line.includes('Check the signl4_webhook setting'))).toBe(true);
        await world.host.setAppSetting('signl4_webhook', world.signl4.webhookUrl(TEAM_SECRET));
    });

    it('says why no alert was raised when the webhook setting is empty or malformed', async () => {
        const before = world.alertsReceived().length;
        await world.host.setAppSetting('signl4_webhook', '');
        const unset = world.host.sendMessage({ room: world.ops, sender: world.alice, text: 'SIGNL4 unset' });
        const unsetReply = await world.waitForBotMessage((m) => m.threadId === unset.id, 'not configured');
        await world.host.setAppSetting('signl4_webhook', 'this is not a secret');
        const bad = world.host.sendMessage({ room: world.ops, sender: world.alice, text: 'SIGNL4 malformed' });
        const badReply = await world.waitForBotMessage((m) => m.threadId === bad.id, 'invalid');

        expect(unsetReply.text).toContain('SIGNL4 is not set up yet');
        expect(badReply.text).toContain('neither a team secret nor a webhook URL');
        expect(world.alertsReceived()).toHaveLength(before);
        expect(world.host.logLines().some((line) => line.includes('the signl4_webhook setting is missing'))).toBe(true);
        await world.host.setAppSetting('signl4_webhook', world.signl4.webhookUrl(TEAM_SECRET));
    });

    it('leaks no secret into any message or log line', () => {
        expect(world.leakedSecrets()).toEqual([]);
    });
});
