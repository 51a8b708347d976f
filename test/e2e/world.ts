import { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { FakeSignl4 } from '../harness/fake-signl4';
import { AppsEngineHost, HostStore, StoredMessage } from '../harness/host';
import { appZip } from './appZip';

export const TEAM_SECRET = 'e2eTeamSecret4711';

/** The text of a chat alert's card once SIGNL4 has taken the alert (before that it reads "⏳ Sending ..."). */
export const RAISED = '🚨 SIGNL4 alert raised. Updates will follow in this thread.';
export const SITE_URL = 'https://chat.example.com';

/**
 * The Deno runtime of Apps-Engine 1.62 writes two debug entries of its own into every app's log: the whole request of
 * each API call (the query string with the events token included) and the result of `onPreSettingUpdate` (the new value
 * of each saved setting, passwords included). No app can suppress them; the README says so. They are recognised here
 * precisely, so that every other log line, the app's own among them, is checked for secrets.
 */
export function isRuntimeDump(line: string): boolean {
    return (
        /^\[app:api:[^\]]+\] debug: \S+'s api:\S+ is being executed\.\.\./.test(line) ||
        /^\[app:app:onPreSettingUpdate\] debug: /.test(line)
    );
}

/** A workspace with the packaged app installed in the real engine, people, rooms and a fake SIGNL4. */
export class World {
    public readonly admin: IUser;

    public readonly alice: IUser;

    public readonly otherBot: IUser;

    public readonly ops: IRoom;

    public readonly random: IRoom;

    public readonly general: IRoom;

    private constructor(
        public readonly host: AppsEngineHost,
        public readonly signl4: FakeSignl4,
    ) {
        this.admin = host.createUser({ username: 'admin', roles: ['admin', 'user'], email: 'admin@example.com' });
        this.alice = host.createUser({ username: 'alice', roles: ['user'], email: 'alice@example.com' });
        this.otherBot = host.createUser({ username: 'monitoring.bot', roles: ['bot'], type: 'bot' });
        this.ops = host.createRoom({ name: 'ops', creator: this.admin });
        this.random = host.createRoom({ name: 'random', creator: this.admin });
        this.general = host.createRoom({ name: 'general', creator: this.admin });
    }

    public static async start(
        options: {
            settings?: Record<string, unknown>;
            language?: string;
            store?: HostStore;
            configured?: boolean;
        } = {},
    ): Promise<World> {
        const signl4 = await FakeSignl4.start([TEAM_SECRET]);
        const host = new AppsEngineHost(options.store);
        const webhook = options.configured === false ? {} : { signl4_webhook: signl4.webhookUrl(TEAM_SECRET) };
        await host.start({
            zipPath: appZip(),
            siteUrl: SITE_URL,
            language: options.language ?? 'en',
            appSettings: { trigger_rooms: 'ops, #incidents', ...webhook, ...options.settings },
        });

        return new World(host, signl4);
    }

    public async stop(): Promise<void> {
        await this.host.stop();
        await this.signl4.close();
    }

    /** The token part of the events URL the app wrote into its setting. */
    public eventsToken(): string {
        const url = new URL(String(this.host.getAppSetting('signl4_events_url')));

        return url.searchParams.get('token') ?? '';
    }

    public async sendEvent(body: unknown, token = this.eventsToken()) {
        return this.host.callEndpoint('events', { method: 'POST', content: body, query: token ? { token } : {} });
    }

    /** Webhook requests the fake SIGNL4 received (GET probes of /signl4 status excluded). */
    public alertsReceived(): Array<Record<string, string>> {
        return this.signl4
            .requests()
            .filter((request) => request.method === 'POST' && request.path.startsWith('/webhook/'))
            .map((request) => request.body as Record<string, string>);
    }

    /** Raises an alert from chat and waits until SIGNL4 has taken it; answers the message and the ids SIGNL4 knows. */
    public async raiseFromChat(text: string, room: IRoom = this.ops) {
        const message = this.host.sendMessage({ room, sender: this.alice, text });
        const externalId = `rc-${message.id}`;
        const raised = await this.host.waitFor(
            () => this.signl4.raisedAlerts().find((alert) => alert.externalId === externalId),
            10_000,
            `SIGNL4 took ${externalId}`,
        );
        // The card reads "⏳ ..." until SIGNL4 took the alert, then "🚨 ..." in the workspace's language.
        await this.waitForThreadText(message.id, (text) => text.startsWith('🚨'), 'alert raised card');

        return { message, externalId, eventId: raised.eventId };
    }

    /** Every place a secret reached that people or log readers see; empty is the only good answer. */
    public leakedSecrets(moreSecrets: string[] = []): string[] {
        const secrets = [TEAM_SECRET, this.eventsToken(), ...moreSecrets].filter(Boolean);
        const adminId = this.admin.id;
        const visible = [
            ...this.host.messages().map((message) => `message ${message.id}: ${message.text ?? ''}`),
            // The events URL with its token is shown to admins on purpose (`/signl4 status`), to no one else.
            ...this.host
                .ephemerals()
                .filter((ephemeral) => ephemeral.userId !== adminId)
                .map((ephemeral) => `ephemeral to ${ephemeral.username}: ${ephemeral.text ?? ''}`),
            ...this.host
                .logLines()
                .filter((line) => !isRuntimeDump(line))
                .map((line) => `log: ${line}`),
        ];

        return visible.filter((text) => secrets.some((secret) => text.includes(secret)));
    }

    public botMessages(roomId?: string): StoredMessage[] {
        return this.host.messages({ createdBy: 'app', roomId });
    }

    public async waitForBotMessage(
        predicate: (message: StoredMessage) => boolean,
        label: string,
    ): Promise<StoredMessage> {
        return this.host.waitFor(() => this.botMessages().find(predicate), 10_000, label);
    }

    /** Waits for a bot message in a thread whose current text (cards are edited in place) passes `accept`. */
    public async waitForThreadText(threadId: string, accept: (text: string) => boolean, label: string) {
        return this.waitForBotMessage((m) => m.threadId === threadId && accept(m.text ?? ''), label);
    }

    /** Gives a fire-and-forget listener time to act when the test expects it to do nothing. */
    public async settle(ms = 1500): Promise<void> {
        await new Promise((resolve) => setTimeout(resolve, ms));
    }
}
