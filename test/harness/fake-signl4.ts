import { randomUUID } from 'crypto';
import * as http from 'http';
import type { AddressInfo, Socket } from 'net';

// A stand-in for SIGNL4 on 127.0.0.1 with a random port. `POST /webhook/:secret` raises an event for a known secret
// (201 {"eventId"}) and answers an unknown one like SIGNL4 does (404 with code 3004). Any other path is recorded and
// answered 200 {}, until an API key is set (`setApiKey`): then `/api/v2/...` behaves like SIGNL4's REST API (alerts
// with a lifecycle, users, teams, duty; see `answerRest`). The next answers can be scripted, for REST calls too.

export interface RecordedRequest {
    method: string;
    path: string;
    headers: http.IncomingHttpHeaders;
    rawBody: string;
    body: unknown;
    at: Date;
}

// One scripted answer, used for the next request instead of the normal behaviour.
export interface RaisedAlert {
    externalId: string;
    eventId: string;
    body: Record<string, unknown>;
    // The id SIGNL4 gives the alert (`alert.id` in outbound events, `{alertId}` of REST calls); unset for updates.
    alertId?: string;
}

export type FakeAlertState = 'new' | 'acknowledged' | 'closed';

export interface FakeSignl4User {
    id: string;
    email: string;
    name: string;
    teamIds: string[];
}

// One alert as the fake's REST API sees it.
export interface FakeAlert {
    id: string;
    externalId: string;
    eventId: string;
    title: string;
    text: string;
    state: FakeAlertState;
    createdAt: number;
    annotations: Array<{ userId: string; text: string }>;
    // Who acknowledged or closed it, with the body field names the client sent.
    actions: Array<{ action: 'acknowledge' | 'close'; body: Record<string, unknown> }>;
}

const STATUS_CODES: Record<FakeAlertState, number> = { new: 1, acknowledged: 2, closed: 4 };

export type ScriptedAnswer =
    | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
    | { kind: 'rateLimited'; retryAfterSeconds?: number; rateLimitResetEpochSeconds?: number }
    | { kind: 'serverError'; status?: number }
    | { kind: 'slow'; delayMs: number; status?: number; body?: unknown }
    | { kind: 'drop' };

export class FakeSignl4 {
    private readonly server: http.Server;
    private readonly recorded: RecordedRequest[] = [];
    private readonly raised: RaisedAlert[] = [];
    private readonly script: ScriptedAnswer[] = [];
    private readonly secrets = new Set<string>();
    private readonly timers = new Set<NodeJS.Timeout>();
    private readonly sockets = new Set<Socket>();
    private readonly alerts = new Map<string, FakeAlert>();
    private readonly users = new Map<string, FakeSignl4User>();
    private readonly teams = new Map<string, string>();
    // userId -> ids of the teams the user is punched in to.
    private readonly duty = new Map<string, Set<string>>();
    private apiKey: string | undefined;
    private alertCounter = 0;

    private constructor() {
        this.server = http.createServer((request, response) => this.handle(request, response));
        // Keep-alive sockets would hold close() open; @types/node 16 has no closeAllConnections().
        this.server.on('connection', (socket: Socket) => {
            this.sockets.add(socket);
            socket.on('close', () => this.sockets.delete(socket));
        });
    }

    public static async start(secrets: string[] = []): Promise<FakeSignl4> {
        const fake = new FakeSignl4();
        secrets.forEach((secret) => fake.secrets.add(secret));
        await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));

        return fake;
    }

    public url(): string {
        const { port } = this.server.address() as AddressInfo;

        return `http://127.0.0.1:${port}`;
    }

    public webhookUrl(secret: string): string {
        return `${this.url()}/webhook/${secret}`;
    }

    public addSecret(secret: string): void {
        this.secrets.add(secret);
    }

    // Queues answers for the next requests, in order; each is used once.
    public answerNext(...answers: ScriptedAnswer[]): void {
        this.script.push(...answers);
    }

    // Turns on the REST API under /api/v2: every call must carry this key in X-S4-Api-Key, else 401.
    public setApiKey(key: string): void {
        this.apiKey = key;
    }

    public addUser(user: { id: string; email: string; name?: string; teamIds?: string[] }): void {
        const teamIds = user.teamIds ?? [];
        this.users.set(user.id, { id: user.id, email: user.email, name: user.name ?? user.email, teamIds });
        teamIds.filter((teamId) => !this.teams.has(teamId)).forEach((teamId) => this.teams.set(teamId, teamId));
    }

    public addTeam(team: { id: string; name: string }): void {
        this.teams.set(team.id, team.name);
    }

    public setOnDuty(userId: string, teamId: string, onDuty: boolean): void {
        const teams = this.duty.get(userId) ?? new Set<string>();
        if (onDuty) {
            teams.add(teamId);
        } else {
            teams.delete(teamId);
        }
        this.duty.set(userId, teams);
    }

    // The teams a user is punched in to.
    public onDutyTeams(userId: string): string[] {
        return [...(this.duty.get(userId) ?? [])];
    }

    // An alert that did not come through the webhook (monitoring, say); returns its alert id.
    public createAlert(alert: { externalId?: string; title?: string; text?: string } = {}): string {
        return this.addAlert(alert.externalId ?? '', `${Date.now()}_${randomUUID()}`, alert.title, alert.text).id;
    }

    public alertState(alertId: string): FakeAlertState | undefined {
        return this.alerts.get(alertId)?.state;
    }

    // The newest alert raised with this ExternalID.
    public alertIdFor(externalId: string): string | undefined {
        return this.alertsNewestFirst().find((alert) => alert.externalId === externalId)?.id;
    }

    public alert(alertId: string): FakeAlert | undefined {
        const alert = this.alerts.get(alertId);

        return alert && { ...alert, annotations: [...alert.annotations], actions: [...alert.actions] };
    }

    public requests(): RecordedRequest[] {
        return [...this.recorded];
    }

    // The alerts this fake accepted, with the eventId it answered: SIGNL4 later reports that id as `alert.eventId`.
    public raisedAlerts(): RaisedAlert[] {
        return [...this.raised];
    }

    public async close(): Promise<void> {
        this.timers.forEach((timer) => clearTimeout(timer));
        this.sockets.forEach((socket) => socket.destroy());
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }

    private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
            const rawBody = Buffer.concat(chunks).toString('utf8');
            const entry: RecordedRequest = {
                method: request.method ?? '',
                path: request.url ?? '',
                headers: request.headers,
                rawBody,
                body: parseBody(rawBody),
                at: new Date(),
            };
            this.recorded.push(entry);

            const scripted = this.script.shift();
            if (scripted) {
                this.answerScripted(scripted, entry, request, response);
            } else {
                this.answerNormally(entry, request, response);
            }
        });
    }

    private answerNormally(entry: RecordedRequest, request: http.IncomingMessage, response: http.ServerResponse): void {
        const webhook = /^\/webhook\/([^/?]+)/.exec(request.url ?? '');
        if (request.method === 'POST' && webhook) {
            const secret = decodeURIComponent(webhook[1]);
            if (this.secrets.has(secret)) {
                const eventId = `${Date.now()}_${randomUUID()}`;
                const body = (entry.body ?? {}) as Record<string, unknown>;
                const externalId = String(body['X-S4-ExternalID'] ?? '');
                const alertId = this.applyWebhookStatus(externalId, eventId, body);
                this.raised.push({ externalId, eventId, body, ...(alertId ? { alertId } : {}) });

                return sendJson(response, 201, { eventId });
            }

            return sendJson(response, 404, {
                requestId: randomUUID(),
                code: 3004,
                details: `An event source with ID ${secret} was not found.`,
                message: 'Error raising event.',
            });
        }

        if (webhook) {
            // SIGNL4's webhook takes POST only; the app's reachability probe relies on this answer.
            return sendJson(response, 405, { message: 'Method not allowed.' });
        }

        if (this.apiKey !== undefined && /^\/api\//.test(request.url ?? '')) {
            const [status, body] = this.answerRest(entry, request.headers);

            return sendJson(response, status, body);
        }

        sendJson(response, 200, {});
    }

    // `new` (or no status) raises an alert; `acknowledged` / `resolved` act on the newest one with that ExternalID.
    private applyWebhookStatus(externalId: string, eventId: string, body: Record<string, unknown>): string | undefined {
        const status = String(body['X-S4-Status'] ?? 'new').toLowerCase();
        if (status === 'new' || status === '') {
            return this.addAlert(externalId, eventId, stringOf(body.Title), stringOf(body.Message)).id;
        }
        const existing = this.alertsNewestFirst().find((alert) => externalId && alert.externalId === externalId);
        if (existing && existing.state !== 'closed') {
            existing.state = status === 'resolved' ? 'closed' : 'acknowledged';
        }

        return undefined;
    }

    private addAlert(externalId: string, eventId: string, title = '', text = ''): FakeAlert {
        this.alertCounter += 1;
        const alert: FakeAlert = {
            id: `alert-${this.alertCounter}-${randomUUID().slice(0, 8)}`,
            externalId,
            eventId,
            title,
            text,
            state: 'new',
            createdAt: this.alertCounter,
            annotations: [],
            actions: [],
        };
        this.alerts.set(alert.id, alert);

        return alert;
    }

    private alertsNewestFirst(): FakeAlert[] {
        return [...this.alerts.values()].sort((a, b) => b.createdAt - a.createdAt);
    }

    // SIGNL4's REST API, as far as the app uses it: [status, JSON body].
    private answerRest(entry: RecordedRequest, headers: http.IncomingHttpHeaders): [number, unknown] {
        if (headers['x-s4-api-key'] !== this.apiKey) {
            return [401, { message: 'API Key is invalid.' }];
        }
        const url = new URL(entry.path, 'http://fake');
        const route = `${entry.method} ${url.pathname.replace(/^\/api\/v2/, '')}`;
        const body = (typeof entry.body === 'object' && entry.body !== null ? entry.body : {}) as Record<
            string,
            unknown
        >;

        const alertAction = /^POST \/alerts\/([^/]+)\/(acknowledge|close|annotate)$/.exec(route);
        if (alertAction) {
            return this.actOnAlert(decodeURIComponent(alertAction[1]), alertAction[2], body);
        }
        const alertRead = /^GET \/alerts\/([^/]+)$/.exec(route);
        if (alertRead && alertRead[1] !== 'paged') {
            const alert = this.alerts.get(decodeURIComponent(alertRead[1]));

            return alert ? [200, restAlert(alert)] : [404, { message: 'Alert not found.' }];
        }
        if (route === 'POST /alerts/paged') {
            const externalId = stringOf(body.externalId);
            const max = Number(url.searchParams.get('maxResults') ?? 10);
            const results = this.alertsNewestFirst()
                .filter((alert) => !externalId || alert.externalId === externalId)
                .slice(0, max)
                .map(restAlert);

            return [200, { results, hasMore: false, continuationToken: null }];
        }
        if (route === 'GET /teams') {
            return [200, [...this.teams].map(([id, name]) => ({ id, name }))];
        }
        if (route === 'GET /users') {
            return [200, [...this.users.values()].map((user) => this.restUser(user))];
        }
        const userRead = /^GET \/users\/([^/]+)$/.exec(route);
        if (userRead) {
            const key = decodeURIComponent(userRead[1]).toLowerCase();
            const user = [...this.users.values()].find(
                (candidate) => candidate.id === key || candidate.email.toLowerCase() === key,
            );

            return user ? [200, this.restUser(user)] : [404, { message: 'User not found.' }];
        }
        const punch = /^POST \/duties\/(punchin|punchout)$/i.exec(route);
        if (punch) {
            return this.punch(punch[1].toLowerCase() === 'punchin', body);
        }

        return [404, { message: `No route ${route}.` }];
    }

    private actOnAlert(alertId: string, action: string, body: Record<string, unknown>): [number, unknown] {
        const alert = this.alerts.get(alertId);
        if (!alert) {
            return [404, { message: 'Alert not found.' }];
        }
        if (action === 'annotate') {
            alert.annotations.push({ userId: stringOf(body.userId ?? body.uid), text: stringOf(body.text) });

            return [200, {}];
        }
        if (alert.state === 'closed') {
            return [409, { message: 'Alert is already closed.' }];
        }
        alert.state = action === 'close' ? 'closed' : 'acknowledged';
        alert.actions.push({ action: action === 'close' ? 'close' : 'acknowledge', body });

        return [200, {}];
    }

    private punch(punchIn: boolean, body: Record<string, unknown>): [number, unknown] {
        const userId = stringOf(body.userId);
        const teamIds = Array.isArray(body.teamIds) ? body.teamIds.map(String) : undefined;
        if (!userId || !teamIds) {
            return [400, { message: 'userId and teamIds are required.' }];
        }
        if (!this.users.has(userId)) {
            return [404, { message: 'User not found.' }];
        }
        teamIds.forEach((teamId) => this.setOnDuty(userId, teamId, punchIn));

        return [200, {}];
    }

    private restUser(user: FakeSignl4User): Record<string, unknown> {
        const onDuty = this.duty.get(user.id) ?? new Set<string>();
        const dutyInfos = user.teamIds.map((teamId) => ({
            teamId,
            dutyMode: onDuty.has(teamId) ? 1 : 0,
            lastChange: new Date(0).toISOString(),
        }));

        return { id: user.id, name: user.name, mail: user.email, dutyInfos };
    }

    private answerScripted(
        answer: ScriptedAnswer,
        entry: RecordedRequest,
        request: http.IncomingMessage,
        response: http.ServerResponse,
    ): void {
        switch (answer.kind) {
            case 'status':
                return sendJson(response, answer.status, answer.body ?? {}, answer.headers);
            case 'rateLimited': {
                const headers: Record<string, string> = {};
                if (answer.retryAfterSeconds !== undefined) {
                    headers['Retry-After'] = String(answer.retryAfterSeconds);
                }

                if (answer.rateLimitResetEpochSeconds !== undefined) {
                    headers['X-RateLimit-Reset'] = String(answer.rateLimitResetEpochSeconds);
                }

                return sendJson(response, 429, { message: 'Too many requests.' }, headers);
            }

            case 'serverError':
                return sendJson(response, answer.status ?? 500, { message: 'Internal server error.' });
            case 'slow': {
                const timer = setTimeout(() => {
                    this.timers.delete(timer);
                    if (!response.destroyed) {
                        this.answerNormallyOr(answer, entry, request, response);
                    }
                }, answer.delayMs);
                this.timers.add(timer);

                return;
            }

            case 'drop':
                request.socket.destroy();
        }
    }

    private answerNormallyOr(
        answer: { status?: number; body?: unknown },
        entry: RecordedRequest,
        request: http.IncomingMessage,
        response: http.ServerResponse,
    ): void {
        if (answer.status !== undefined) {
            sendJson(response, answer.status, answer.body ?? {});
        } else {
            this.answerNormally(entry, request, response);
        }
    }
}

function restAlert(alert: FakeAlert): Record<string, unknown> {
    return {
        id: alert.id,
        title: alert.title,
        text: alert.text,
        statusCode: STATUS_CODES[alert.state],
        externalEventId: alert.externalId,
        eventId: alert.eventId,
    };
}

function stringOf(value: unknown): string {
    return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

function parseBody(raw: string): unknown {
    try {
        return raw === '' ? undefined : JSON.parse(raw);
    } catch {
        return raw;
    }
}

function sendJson(
    response: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
): void {
    response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    response.end(JSON.stringify(body));
}
