import { randomUUID } from 'crypto';
import * as path from 'path';

import { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { FixtureName, signl4Event } from '../../fixtures/signl4Fixtures';
import { FakeSignl4, ScriptedAnswer } from '../fake-signl4';
import { AppsEngineHost, EndpointResult } from '../host';
import { Signl4Tap, TappedExchange } from './signl4-tap';

export const SITE_URL = 'http://localhost:3000';

const TEAM_SECRET = 'localChatTeamSecret';

// A throwaway key between the app and the simulated SIGNL4; with it the cards get their buttons.
const API_KEY = 'localChatApiKey';

const PEOPLE = {
    you: { username: 'you', name: 'You', email: 'you@example.com', roles: ['admin', 'user'] },
    alice: { username: 'alice', name: 'Alice', email: 'alice@example.com', roles: ['user'] },
};

// Compiled to build/start/test/harness/local-chat/.
const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');

/** The packaged app, as `npm run package` leaves it; local-chat is always started after packaging. */
export const APP_ZIP = path.join(ROOT, 'dist', 'signl-four_1.0.0.zip');

/** An alert as the simulated SIGNL4 knows it: the ids an outbound event of it carries. */
export interface KnownAlert {
    alertId: string;
    externalId?: string;
    eventId?: string;
    title: string;
}

export type Outage = '500' | '429' | 'drop' | 'slow' | '404';

export const OUTAGES: ReadonlyArray<Outage> = ['500', '429', 'drop', 'slow', '404'];

const OUTAGE_ANSWERS: Record<Outage, ScriptedAnswer> = {
    500: { kind: 'serverError', status: 500 },
    429: { kind: 'rateLimited', retryAfterSeconds: 30 },
    404: { kind: 'status', status: 404, body: { code: 3004, message: 'Error raising event.' } },
    drop: { kind: 'drop' },
    // Longer than the app's 10 s webhook timeout: SIGNL4 takes the alert, but too late for the app to know.
    slow: { kind: 'slow', delayMs: 12_000 },
};

/**
 * A Rocket.Chat workspace with the packaged SIGNL4 app in the real engine, three rooms, two people and a simulated
 * SIGNL4 on the other end, which both takes alerts and reports back on them like the real service.
 */
export class ChatWorkspace {
    public readonly you: IUser;

    public readonly alice: IUser;

    public readonly rooms: Map<string, IRoom>;

    private readonly alerts: KnownAlert[] = [];

    private outage?: Outage;

    private constructor(
        public readonly host: AppsEngineHost,
        private readonly fake: FakeSignl4,
        private readonly tap: Signl4Tap,
    ) {
        this.you = host.createUser(PEOPLE.you);
        this.alice = host.createUser(PEOPLE.alice);
        this.rooms = new Map(
            ['general', 'ops', 'random'].map((name) => [name, host.createRoom({ name, creator: this.you })]),
        );
        // Scripted one request at a time, because the fake cannot forget answers it was given in advance.
        tap.beforeForward = () => {
            if (this.outage) {
                fake.answerNext(OUTAGE_ANSWERS[this.outage]);
            }
        };
    }

    /** With `apiKey`, SIGNL4 serves its REST API and knows you and alice (by their e-mail) in a team "Ops". */
    public static async start(options: { language: string; apiKey: boolean }): Promise<ChatWorkspace> {
        const fake = await FakeSignl4.start([TEAM_SECRET]);
        if (options.apiKey) {
            fake.setApiKey(API_KEY);
            fake.addTeam({ id: 'team-ops', name: 'Ops' });
            for (const person of Object.values(PEOPLE)) {
                fake.addUser({
                    id: `s4-${person.username}`,
                    email: person.email,
                    name: person.name,
                    teamIds: ['team-ops'],
                });
            }
        }
        const tap = await Signl4Tap.start(fake.url());
        const host = new AppsEngineHost();
        try {
            await host.start({
                zipPath: APP_ZIP,
                siteUrl: SITE_URL,
                language: options.language,
                appSettings: {
                    signl4_webhook: `${tap.url()}/webhook/${TEAM_SECRET}`,
                    ...(options.apiKey ? { signl4_api_key: API_KEY } : {}),
                },
            });
        } catch (error) {
            await host.stop();
            await tap.close();
            await fake.close();
            throw error;
        }

        return new ChatWorkspace(host, fake, tap);
    }

    public async stop(): Promise<void> {
        await this.host.stop();
        await this.tap.close();
        await this.fake.close();
    }

    public room(name: string): IRoom | undefined {
        return this.rooms.get(name.replace(/^#/, ''));
    }

    public apiKeySet(): boolean {
        return Boolean(this.settingValue('signl4_api_key'));
    }

    /** The alert SIGNL4 knows under this id, e.g. one the app just acted on through the REST API. */
    public alertById(alertId: string): KnownAlert | undefined {
        return this.knownAlerts().find((alert) => alert.alertId === alertId);
    }

    public user(username: string): IUser | undefined {
        return username === this.you.username ? this.you : username === this.alice.username ? this.alice : undefined;
    }

    public exchanges(): TappedExchange[] {
        return this.tap.exchangeLog();
    }

    /** SIGNL4 answers every request this way until signl4Up(). */
    public signl4Down(outage: Outage): void {
        this.outage = outage;
    }

    public signl4Up(): void {
        this.outage = undefined;
    }

    public signl4Outage(): Outage | undefined {
        return this.outage;
    }

    /**
     * The alerts SIGNL4 holds: each webhook SIGNL4 accepted (newest last), plus alerts raised outside chat. Alerts
     * SIGNL4 accepted twice under one ExternalID (a retry after a timed-out attempt) are one alert there.
     */
    public knownAlerts(): KnownAlert[] {
        for (const exchange of this.exchanges()) {
            const body = exchange.body as Record<string, string> | undefined;
            const eventId = (exchange.answer as { eventId?: string } | undefined)?.eventId;
            const externalId = body?.['X-S4-ExternalID'];
            if (exchange.status !== 201 || !eventId || !externalId || this.alerts.some((a) => a.eventId === eventId)) {
                continue;
            }
            const sameExternalId = this.alerts.find((alert) => alert.externalId === externalId);
            if (!sameExternalId) {
                // The fake's own id, so that the app's REST calls for the card buttons find the alert.
                const alertId = this.fake.raisedAlerts().find((raised) => raised.eventId === eventId)?.alertId;
                this.alerts.push({
                    alertId: alertId ?? alertIdFor(eventId),
                    externalId,
                    eventId,
                    title: body?.Title ?? '',
                });
            }
        }

        return [...this.alerts];
    }

    /** The alert a SIGNL4 user would act on: given by number (1 = first), ExternalID or alert id; else the newest. */
    public findAlert(reference?: string): KnownAlert | undefined {
        const alerts = this.knownAlerts();
        if (!reference) {
            return alerts[alerts.length - 1];
        }
        const index = Number(reference);

        return Number.isInteger(index)
            ? alerts[index - 1]
            : alerts.find((alert) => [alert.externalId, alert.alertId, alert.eventId].includes(reference));
    }

    /** An alert from monitoring rather than chat: SIGNL4 announces it with event 200, without an ExternalID. */
    public async monitoringAlert(title: string): Promise<{ alert: KnownAlert; result: EndpointResult }> {
        const alertId = this.fake.createAlert({ title });
        const alert: KnownAlert = { alertId, eventId: this.fake.alert(alertId)?.eventId ?? randomUUID(), title };
        this.alerts.push(alert);

        return { alert, result: await this.alertCreated(alert) };
    }

    public async alertCreated(alert: KnownAlert): Promise<EndpointResult> {
        const event = this.eventFor('200-alert-created', alert);
        const ref = event.alert as Record<string, unknown>;
        ref.title = alert.title;
        if (!alert.externalId) {
            delete ref.externalEventId;
        }

        return this.deliver(event);
    }

    public async acknowledged(alert: KnownAlert, by: string): Promise<EndpointResult> {
        return this.deliver(withUser(this.eventFor('201-acknowledged', alert), by));
    }

    public async closed(alert: KnownAlert, by: string): Promise<EndpointResult> {
        return this.deliver(withUser(this.eventFor('201-closed', alert), by));
    }

    public async annotated(alert: KnownAlert, by: string, text: string): Promise<EndpointResult> {
        const event = withUser(this.eventFor('203-annotated', alert), by);
        (event.annotation as Record<string, unknown>).message = text;

        return this.deliver(event);
    }

    public async escalated(alert: KnownAlert): Promise<EndpointResult> {
        return this.deliver(this.eventFor('202-escalated', alert));
    }

    public async dutyStarted(): Promise<EndpointResult> {
        return this.deliver(signl4Event('300-duty-started', { notificationId: randomUUID() }));
    }

    /** A setting's value as the app sees it: the admin's value, else the package default. */
    public settingValue(id: string): unknown {
        const setting = this.host.engine().getSettingsManager().getAppSetting(this.host.appId, id);

        return setting?.value ?? setting?.packageValue;
    }

    /** The token part of the events URL the app wrote into its setting, as an admin pastes it into SIGNL4. */
    public eventsToken(): string {
        const url = String(this.host.getAppSetting('signl4_events_url') ?? '');

        return url ? (new URL(url).searchParams.get('token') ?? '') : '';
    }

    /** SIGNL4's outbound webhook as the server routes it to the app's endpoint. */
    private async deliver(event: Record<string, unknown>): Promise<EndpointResult> {
        return this.host.callEndpoint('events', {
            method: 'POST',
            query: { token: this.eventsToken() },
            content: event,
        });
    }

    private eventFor(name: FixtureName, alert: KnownAlert): Record<string, unknown> {
        const event = signl4Event(name, {
            externalId: alert.externalId,
            eventId: alert.eventId,
            notificationId: randomUUID(),
        });
        (event.alert as Record<string, unknown>).id = alert.alertId;

        return event;
    }
}

// SIGNL4's alert ids look like "<ticks>_<uuid>"; deriving it from the event id keeps one alert's ids together.
function alertIdFor(eventId: string): string {
    return `2518981069381242800_${eventId.slice(-36)}`;
}

function withUser(event: Record<string, unknown>, username: string): Record<string, unknown> {
    event.user = {
        ...(event.user as Record<string, unknown>),
        username,
        mailaddress: `${username.toLowerCase()}@example.com`,
    };

    return event;
}
