import * as path from 'path';

import { FakeSignl4 } from './fake-signl4';
import { AppsEngineHost, HostStore } from './host';
import { packageApp } from './package-app';

// The host's self-test: a fixture app that touches every host feature, run in the real engine and Deno runtime.
describe('AppsEngineHost with the fixture app', () => {
    const secret = 'known-secret';
    let zipPath: string;
    let signl4: FakeSignl4;
    let store: HostStore;
    let host: AppsEngineHost;
    let startMs: number;

    beforeAll(async () => {
        zipPath = packageApp(path.join(__dirname, 'fixture-app'));
        signl4 = await FakeSignl4.start([secret]);
        store = new HostStore();
        host = new AppsEngineHost(store);
        const started = Date.now();
        await host.start({
            zipPath,
            siteUrl: 'https://chat.example.test',
            language: 'de',
            appSettings: { webhook_url: signl4.webhookUrl(secret) },
        });
        startMs = Date.now() - started;
    });

    afterAll(async () => {
        await host?.stop();
        await signl4?.close();
    });

    it('installs the app with its bot user and permission checks on', async () => {
        expect(process.env.NODE_ENV).not.toBe('test');
        const bot = host.appUser();
        expect(bot).toMatchObject({ username: 'harness-fixture.bot', type: 'app' });
        process.stdout.write(`app install and start took ${startMs} ms\n`);
    });

    const alice = () =>
        host.store.users.get('alice') ?? host.createUser({ id: 'alice', username: 'alice', roles: ['user'] });
    const opsRoom = () => host.store.rooms.get('ops') ?? host.createRoom({ id: 'ops', name: 'ops', creator: alice() });
    const replyTo = async (text: string, timeoutMs = 10000) => {
        const sent = host.sendMessage({ room: opsRoom(), sender: alice(), text });
        const [reply] = await host.waitFor(
            () => host.threadOf(sent.id).length > 0 && host.threadOf(sent.id),
            timeoutMs,
            text,
        );

        return reply;
    };

    it('turns a message into an HTTP call to SIGNL4 and a thread reply', async () => {
        const user = alice();
        const room = host.createRoom({ id: 'ops', name: 'ops', creator: user });
        const sent = host.sendMessage({ room, sender: user, text: '!alert disk full' });

        const [reply] = await host.waitFor(
            () => host.threadOf(sent.id).length > 0 && host.threadOf(sent.id),
            10000,
            'reply',
        );
        expect(reply.text).toMatch(/^raised 201 \d+_[0-9a-f-]{36}$/);
        expect(reply.sender.username).toBe('harness-fixture.bot');
        expect(signl4.requests()[0]).toMatchObject({
            method: 'POST',
            path: `/webhook/${secret}`,
            body: { title: 'disk full' },
        });
        expect(host.getAppSetting('last_event')).toBe(reply.text!.split(' ')[2]);
    });

    it('surfaces SIGNL4 errors and network failures to the app as the server does', async () => {
        host.setServerSetting('unused', 1);
        await host.setAppSetting('webhook_url', signl4.webhookUrl('unknown-secret'));
        expect((await replyTo('!alert nobody')).text).toBe('raised 404 ');

        await host.setAppSetting('webhook_url', signl4.webhookUrl(secret));
        signl4.answerNext({ kind: 'rateLimited', retryAfterSeconds: 7 }, { kind: 'serverError' });
        expect((await replyTo('!alert throttled')).text).toBe('raised 429 ');
        expect((await replyTo('!alert broken')).text).toBe('raised 500 ');

        signl4.answerNext({ kind: 'slow', delayMs: 2500 });
        expect((await replyTo('!alert slow')).text).toBe(`failed: network timeout at: ${signl4.webhookUrl(secret)}`);

        signl4.answerNext({ kind: 'drop' });
        expect((await replyTo('!alert dropped')).text).toMatch(
            /^failed: request to .* failed, reason: socket hang up$/,
        );

        await host.setAppSetting('webhook_url', 'http://127.0.0.1:1/webhook/x');
        expect((await replyTo('!alert refused')).text).toMatch(/ECONNREFUSED/);
        expect(host.logLines().some((line) => line.includes('alert failed for') && line.includes('ECONNREFUSED'))).toBe(
            true,
        );
        await host.setAppSetting('webhook_url', signl4.webhookUrl(secret));
    });

    it('fires onSettingUpdated for an admin edit', async () => {
        await host.setAppSetting('webhook_url', signl4.webhookUrl(secret));
        await host.waitFor(() =>
            host.logLines().some((line) => line.includes(`setting updated webhook_url=${signl4.webhookUrl(secret)}`)),
        );
        expect(host.getAppSetting('webhook_url')).toBe(signl4.webhookUrl(secret));
    });

    it('denies what app.json does not grant, even under jest', async () => {
        expect((await replyTo('!whoami')).text).toBe('user: denied');
        // The engine reports the denial on the server console, not to the app.
        expect(host.logLines().some((line) => line.includes('lacks the following permissions:\n["user.read"]'))).toBe(
            true,
        );
    });

    it('reads server settings and its own endpoint path', async () => {
        const reply = await replyTo('!site');
        expect(reply.text).toBe(`site https://chat.example.test /api/apps/public/${host.appId}/echo`);
        expect(host.endpointPaths()).toEqual([`/api/apps/public/${host.appId}/echo`]);
    });

    it('counts app-initiated bridge calls, and none for a message the app skips', async () => {
        host.resetBridgeCalls();
        const skipped = host.sendMessage({ room: opsRoom(), sender: alice(), text: 'just chatting' });
        const fromBot = host.sendMessage({ room: opsRoom(), sender: host.appUser()!, text: '!alert from the bot' });
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(host.threadOf(skipped.id)).toHaveLength(0);
        expect(host.threadOf(fromBot.id)).toHaveLength(0);
        expect(host.bridgeCalls()).toEqual([]);

        await replyTo('!site');
        const methods = host.bridgeCalls().map((call) => `${call.bridge}.${call.method}`);
        expect(methods).toEqual(expect.arrayContaining(['ServerSettingBridge.doGetOneById', 'MessageBridge.doCreate']));
        expect(host.bridgeCalls().every((call) => call.origin === 'app' && call.appRequest)).toBe(true);
    });

    it('fires IPostMessageUpdated on edit', async () => {
        const sent = host.sendMessage({ room: opsRoom(), sender: alice(), text: 'typo' });
        host.editMessage(sent.id, 'fixed');
        await host.waitFor(() => host.messages({ createdBy: 'app' }).find((m) => m.text === 'edited: fixed'));
    });

    it('records an error thrown by a listener in the log', async () => {
        host.sendMessage({ room: opsRoom(), sender: alice(), text: '!crash' });
        await host.waitFor(() => host.logLines().find((line) => line.includes('fixture crashed on purpose')));
    });

    it('runs a slash command with an ephemeral answer and persistence', async () => {
        await host.runCommand('harness', ['one', 'two'], { sender: alice(), room: opsRoom(), threadId: 'thread-1' });
        expect(host.ephemerals(alice()).map((notice) => notice.text)).toContain('args: one,two');
        const [record] = [...store.persistence.values()].filter((r) => r.associations.includes('misc:command-log'));
        expect(record.data).toEqual({ args: ['one', 'two'], threadId: 'thread-1' });
    });

    it('serves its endpoint', async () => {
        const response = await host.callEndpoint('echo', {
            method: 'POST',
            headers: { 'X-Harness-Token': 't0k' },
            content: { hello: 'world' },
        });
        expect(response.status).toBe(200);
        expect(response.content).toEqual({
            received: { hello: 'world' },
            token: 't0k',
            commands: 1,
            path: `/api/apps/public/${host.appId}/echo`,
        });
        expect((await host.callEndpoint(host.endpointPaths()[0], { content: {} })).status).toBe(200);
    });

    it('runs scheduled jobs on the host clock, keeping failed one-time jobs', async () => {
        await host.runCommand('harness', ['schedule', '30 seconds', 'first'], { sender: alice(), room: opsRoom() });
        await host.runCommand('harness', ['schedule', '2 minutes', 'second', 'fail'], {
            sender: alice(),
            room: opsRoom(),
        });
        expect(host.jobs().map((job) => job.data.note)).toEqual(['first', 'second']);

        expect(await host.advance(10_000)).toEqual([]);
        const [firstRun] = await host.advance(25_000);
        expect(firstRun).toMatchObject({ ok: true });
        expect(host.messages({ roomId: 'ops' }).some((m) => m.text === 'job ran: first')).toBe(true);
        expect(host.jobs().map((job) => job.data.note)).toEqual(['second']);

        const [secondRun] = await host.advance(120_000);
        // The Deno runtime answers a failed processor with a bare "Internal error"; the cause is in the app's log.
        expect(secondRun).toMatchObject({ ok: false, error: 'Internal error' });
        expect(host.jobs()).toMatchObject([
            { processorId: expect.stringMatching(/^harness-job_/), lastError: 'Internal error' },
        ]);
        expect(host.logLines().some((line) => line.includes('job asked to fail: second'))).toBe(true);
    });

    it('handles a UIKit block action', async () => {
        const reply = await replyTo('!button');
        await host.blockAction({
            actionId: 'harness-click',
            blockId: 'harness-actions',
            value: 'v1',
            user: alice(),
            room: opsRoom(),
            message: reply,
        });
        await host.waitFor(() => host.messages().find((m) => m.text === 'clicked harness-click v1 by alice'));
    });

    it('restarts on the same store without losing persistence, jobs or settings', async () => {
        const persisted = store.persistence.size;
        const jobs = host.jobs().length;
        const lastEvent = host.getAppSetting('last_event');
        await host.restart();
        expect(store.persistence.size).toBe(persisted);
        expect(host.jobs()).toHaveLength(jobs);
        expect(host.getAppSetting('last_event')).toBe(lastEvent);
        expect(host.appUser()).toBeDefined();
        const response = await host.callEndpoint('echo', { content: {} });
        expect(response.content).toMatchObject({ commands: 1 });
    });

    it('runs a second instance on the same store at the same time', async () => {
        const second = new AppsEngineHost(store);
        try {
            await second.start({ zipPath, siteUrl: 'https://chat.example.test' });
            await second.runCommand('harness', ['schedule', '1 second', 'cluster'], {
                sender: alice(),
                room: opsRoom(),
            });
            const runs = await host.advance(2_000);
            expect(runs.some((run) => run.ok)).toBe(true);
            expect(host.messages().some((m) => m.text === 'job ran: cluster')).toBe(true);
            expect((await second.callEndpoint('echo', { content: {} })).content).toMatchObject({ commands: 1 });
        } finally {
            await second.stop();
        }

        expect((await replyTo('!site')).text).toContain('site https://chat.example.test');
    });
});
