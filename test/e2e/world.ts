import { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { FakeSignl4 } from '../harness/fake-signl4';
import { AppsEngineHost, HostStore, StoredMessage } from '../harness/host';
import { appZip } from './appZip';

export const TEAM_SECRET = 'e2eTeamSecret4711';
export const SITE_URL = 'https://chat.example.com';

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

    public botMessages(roomId?: string): StoredMessage[] {
        return this.host.messages({ createdBy: 'app', roomId });
    }

    public async waitForBotMessage(
        predicate: (message: StoredMessage) => boolean,
        label: string,
    ): Promise<StoredMessage> {
        return this.host.waitFor(() => this.botMessages().find(predicate), 10_000, label);
    }

    /** Gives a fire-and-forget listener time to act when the test expects it to do nothing. */
    public async settle(ms = 1500): Promise<void> {
        await new Promise((resolve) => setTimeout(resolve, ms));
    }
}
