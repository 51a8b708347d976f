import { WebhookSettingProblem, WebhookTarget } from './webhookTarget';
import { IHttp, IHttpRequest, IHttpResponse } from '@rocket.chat/apps-engine/definition/accessors';

import { describeError, redact } from '../security/redact';
import { retryAfterMs } from './deliveryOutcome';

/**
 * SIGNL4's REST API (v2), used with an API key to act on alerts in a person's name and to read and change duty.
 *
 * What is confirmed by public sources (SIGNL4's docs repository `signl4/docs`: samples/duty-on-off,
 * samples/rest-api-samples, samples/rest-api-ai/who-is-on-call.js; SIGNL4's alert export sample; the
 * Signl4-CliChamp client):
 * - the header `X-S4-Api-Key`, base `https://connect.signl4.com/api`;
 * - `GET /v2/teams` → `[{ id, name }]`;
 * - `GET /v2/users` → `[{ id, name, mail, dutyInfos: [{ teamId, dutyMode, lastChange }] }]`, dutyMode 0 none,
 *   1 primary, 100 manager;
 * - `GET /v2/users/{idOrEmail}` → one such user;
 * - `POST /v2/duties/punchIn` and `/punchOut` with `{ userId, teamIds }`;
 * - `POST /v2/alerts/paged?userId=…&maxResults=…` with a filter body → `{ results: [{ id, … }], hasMore,
 *   continuationToken }`.
 *
 * What is not (no public client calls it; the code reads answers leniently there):
 * - the body field names of acknowledge and close (both the v2 `uid`/`descr` and the v1 `userId`/`description`
 *   are sent), and of annotate;
 * - the fields of an alert as the REST API returns it (`statusCode` or `status`, `externalEventId` or `externalId`);
 * - whether the paged search can filter by ExternalID: the filter is sent, and the results are matched again here.
 */

/** SIGNL4's public API; the tests point the client at a fake on 127.0.0.1 instead. */
export const SIGNL4_REST_BASE = 'https://connect.signl4.com/api';

/** As for the webhook: a slow SIGNL4 must not hold a button press or a command near the engine's 30 s limit. */
export const REST_TIMEOUT_MS = 10_000;

/** How many recent alerts the ExternalID search looks through when SIGNL4 does not filter by it itself. */
const SEARCH_PAGE_SIZE = 25;

const DUTY_MODE_NONE = 0;

/** Why a REST call did not do what it should, in the terms the chat answers need. */
export type RestProblem =
    /** 401 or 403: the API key is wrong, revoked, or not allowed to do this. */
    | 'unauthorized'
    /** 409: the alert's lifecycle does not allow it, e.g. it is closed already. */
    | 'not-allowed'
    | 'not-found'
    | 'rate-limited'
    /** 5xx, a timeout or no connection: worth another try later. */
    | 'unavailable'
    /** Any other 4xx, or a 2xx answer the client cannot read. */
    | 'rejected';

/** `detail` is short, free of secrets and meant for the log; chat texts are chosen from `problem`. */
export type RestResult<T> =
    | { readonly ok: true; readonly value: T }
    | {
          readonly ok: false;
          readonly problem: RestProblem;
          readonly status?: number;
          readonly detail: string;
          readonly retryAfterMs?: number;
      };

/** SIGNL4's `statusCode` bit flags of an alert. */
export const ALERT_STATUS = { new: 1, acknowledged: 2, closed: 4 } as const;

export interface Signl4Alert {
    readonly id: string;
    readonly statusCode?: number;
    readonly title?: string;
    readonly text?: string;
    readonly externalEventId?: string;
    readonly eventId?: string;
}

export interface Signl4User {
    readonly id: string;
    /** The display name; the e-mail address when SIGNL4 has no name. */
    readonly name: string;
    readonly mail?: string;
    /** The teams the user belongs to, from the user's duty infos. */
    readonly teamIds: ReadonlyArray<string>;
}

export interface Signl4Team {
    readonly id: string;
    readonly name: string;
}

export interface OnDutyPerson {
    readonly id: string;
    readonly name: string;
    readonly manager: boolean;
}

/** One team the API key sees, and who in it is on duty now. */
export interface TeamDuty {
    readonly team: Signl4Team;
    readonly onDuty: ReadonlyArray<OnDutyPerson>;
}

/**
 * The REST base for a webhook setting: same origin, path `/api`. SIGNL4 serves both from connect.signl4.com; a
 * webhook on another origin (the test fake) gets its REST API there too.
 */
export function restBaseUrl(webhookUrl: string | undefined): string {
    if (!webhookUrl) {
        return SIGNL4_REST_BASE;
    }
    try {
        const { origin, protocol } = new URL(webhookUrl);

        return /^https?:$/.test(protocol) ? `${origin}/api` : SIGNL4_REST_BASE;
    } catch {
        return SIGNL4_REST_BASE;
    }
}

/**
 * The client for the app's settings: none without an API key; the REST base follows the webhook's origin. A webhook
 * setting that is not a URL leaves SIGNL4's own.
 */
export function restClientFor(
    http: IHttp,
    apiKey: string,
    webhook: WebhookTarget | WebhookSettingProblem,
): Signl4RestClient | undefined {
    return apiKey
        ? new Signl4RestClient(http, apiKey, restBaseUrl(typeof webhook === 'string' ? undefined : webhook.url))
        : undefined;
}

type Method = 'GET' | 'POST';

/** Reads a 2xx body; undefined means the answer was not what the call expects. */
type BodyReader<T> = (body: unknown) => T | undefined;

/** SIGNL4's REST API over the app's HTTP accessor. Never throws for a failed call: every method answers a result. */
export class Signl4RestClient {
    private readonly baseUrl: string;

    constructor(
        private readonly http: IHttp,
        private readonly apiKey: string,
        baseUrl: string,
    ) {
        this.baseUrl = baseUrl.replace(/\/+$/, '');
    }

    public acknowledge(alertId: string, userId: string, note?: string): Promise<RestResult<void>> {
        return this.call('POST', `/v2/alerts/${encodeURIComponent(alertId)}/acknowledge`, transitionBody(userId, note));
    }

    public close(alertId: string, userId: string, note?: string): Promise<RestResult<void>> {
        return this.call('POST', `/v2/alerts/${encodeURIComponent(alertId)}/close`, transitionBody(userId, note));
    }

    /** Adds a note to the alert's history; type 1 is a text annotation (as SIGNL4's docs show, unverified). */
    public annotate(alertId: string, userId: string, text: string): Promise<RestResult<void>> {
        return this.call('POST', `/v2/alerts/${encodeURIComponent(alertId)}/annotate`, { text, userId, type: 1 });
    }

    public alert(alertId: string): Promise<RestResult<Signl4Alert>> {
        return this.call('GET', `/v2/alerts/${encodeURIComponent(alertId)}`, undefined, (body) =>
            readAlert(body, alertId),
        );
    }

    /**
     * The newest alert raised with this ExternalID, or undefined. SIGNL4's paged search wants the id of a user to
     * search as (the alerts that user may see); without one the API key's own view is asked for, which is
     * unverified. Only alerts whose ExternalID is confirmed in the answer count, in case SIGNL4 ignores the filter.
     */
    public async findAlertByExternalId(
        externalId: string,
        asUserId?: string,
    ): Promise<RestResult<Signl4Alert | undefined>> {
        const query = [`maxResults=${SEARCH_PAGE_SIZE}`];
        if (asUserId) {
            query.unshift(`userId=${encodeURIComponent(asUserId)}`);
        }
        const filter = { externalId, externalIds: [externalId], textToSearch: externalId };

        const found = await this.call('POST', `/v2/alerts/paged?${query.join('&')}`, filter, readAlertPage);
        if (!found.ok) {
            return found;
        }
        const matches = found.value.filter((alert) => alert.externalEventId === externalId);

        return { ok: true, value: newest(matches) };
    }

    /** The SIGNL4 user with this e-mail address; undefined when there is none (SIGNL4 answers 404). */
    public async userByEmail(email: string): Promise<RestResult<Signl4User | undefined>> {
        const result = await this.call('GET', `/v2/users/${encodeURIComponent(email)}`, undefined, readUser);
        if (!result.ok && result.problem === 'not-found') {
            return { ok: true, value: undefined };
        }

        return result;
    }

    public teams(): Promise<RestResult<Signl4Team[]>> {
        return this.call('GET', '/v2/teams', undefined, (body) => readList(body, readTeam));
    }

    public users(): Promise<RestResult<Array<Signl4User & { readonly dutyModes: Record<string, number> }>>> {
        return this.call('GET', '/v2/users', undefined, (body) => readList(body, readUserWithDuty));
    }

    /**
     * Who is on duty in each team the API key sees: two calls, teams and users, because the user list carries every
     * user's duty mode per team. A manager on duty (mode 100) counts, flagged as such.
     */
    public async onDuty(): Promise<RestResult<TeamDuty[]>> {
        const [teams, users] = await Promise.all([this.teams(), this.users()]);
        if (!teams.ok) {
            return teams;
        }
        if (!users.ok) {
            return users;
        }

        const value = teams.value.map((team) => ({
            team,
            onDuty: users.value
                .filter((user) => (user.dutyModes[team.id] ?? DUTY_MODE_NONE) !== DUTY_MODE_NONE)
                .map((user) => ({ id: user.id, name: user.name, manager: user.dutyModes[team.id] === 100 })),
        }));

        return { ok: true, value };
    }

    public punchIn(userId: string, teamIds: ReadonlyArray<string>): Promise<RestResult<void>> {
        return this.call('POST', '/v2/duties/punchIn', { userId, teamIds });
    }

    public punchOut(userId: string, teamIds: ReadonlyArray<string>): Promise<RestResult<void>> {
        return this.call('POST', '/v2/duties/punchOut', { userId, teamIds });
    }

    private async call<T = void>(
        method: Method,
        path: string,
        body?: unknown,
        read?: BodyReader<T>,
    ): Promise<RestResult<T>> {
        const request: IHttpRequest = {
            headers: { 'X-S4-Api-Key': this.apiKey, 'Accept': 'application/json' },
            timeout: REST_TIMEOUT_MS,
        };
        if (body !== undefined) {
            request.headers = { ...request.headers, 'Content-Type': 'application/json' };
            request.content = JSON.stringify(body);
        }

        let response: IHttpResponse | undefined;
        try {
            const url = this.baseUrl + path;
            response = await (method === 'GET' ? this.http.get(url, request) : this.http.post(url, request));
        } catch (error) {
            const detail = describeError(error, [this.apiKey]);
            const what = /time ?out|timed out/i.test(detail) ? 'no answer in time' : 'connection failed';

            return { ok: false, problem: 'unavailable', detail: `${what}: ${detail}` };
        }

        return this.classify(response, read);
    }

    private classify<T>(response: IHttpResponse | undefined, read?: BodyReader<T>): RestResult<T> {
        const status = response?.statusCode;
        if (!response || typeof status !== 'number') {
            return { ok: false, problem: 'unavailable', detail: 'no HTTP response' };
        }
        const detail = this.detailOf(status, response);

        if (status >= 200 && status < 300) {
            if (!read) {
                return { ok: true, value: undefined as T };
            }
            const value = read(bodyOf(response));

            return value === undefined
                ? { ok: false, problem: 'rejected', status, detail: `unexpected answer: ${detail}` }
                : { ok: true, value };
        }
        if (status === 401 || status === 403) {
            return { ok: false, problem: 'unauthorized', status, detail };
        }
        if (status === 404) {
            return { ok: false, problem: 'not-found', status, detail };
        }
        if (status === 409) {
            return { ok: false, problem: 'not-allowed', status, detail };
        }
        if (status === 429) {
            const wait = retryAfterMs(response.headers ?? {}, Date.now());

            return { ok: false, problem: 'rate-limited', status, detail, retryAfterMs: wait };
        }
        if (status >= 500 || status === 408) {
            return { ok: false, problem: 'unavailable', status, detail };
        }

        return { ok: false, problem: 'rejected', status, detail };
    }

    /** `HTTP 409 (Alert is already closed.)`: SIGNL4's own message helps the admin, the key never appears. */
    private detailOf(status: number, response: IHttpResponse): string {
        const body = bodyOf(response) as { message?: unknown; details?: unknown; title?: unknown } | undefined;
        const said = [body?.message, body?.details, body?.title].find(
            (value): value is string => typeof value === 'string' && value.trim() !== '',
        );
        const text = said ? `HTTP ${status} (${said.trim().slice(0, 160)})` : `HTTP ${status}`;

        return redact(text, [this.apiKey]);
    }
}

/** The v2 field names are unverified, so the v1 names travel along; SIGNL4 ignores fields it does not know. */
function transitionBody(userId: string, note?: string): Record<string, string> {
    const body: Record<string, string> = { uid: userId, userId };
    if (note) {
        body.descr = note;
        body.description = note;
    }

    return body;
}

function bodyOf(response: IHttpResponse): unknown {
    if (response.data !== undefined && response.data !== null) {
        return response.data;
    }
    if (!response.content) {
        return undefined;
    }
    try {
        return JSON.parse(response.content);
    } catch {
        return undefined;
    }
}

type Fields = Record<string, unknown>;

function fieldsOf(value: unknown): Fields | undefined {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;
}

function stringField(fields: Fields, ...names: string[]): string | undefined {
    for (const name of names) {
        const value = fields[name];
        if (typeof value === 'string' && value !== '') {
            return value;
        }
        if (typeof value === 'number') {
            return String(value);
        }
    }

    return undefined;
}

function readList<T>(body: unknown, readItem: (item: unknown) => T | undefined): T[] | undefined {
    // SIGNL4 answers lists as bare arrays; a wrapped `{ items | results }` is accepted in case that changes.
    const wrapped = fieldsOf(body);
    const list = Array.isArray(body) ? body : (wrapped?.items ?? wrapped?.results);
    if (!Array.isArray(list)) {
        return undefined;
    }

    return list.map(readItem).filter((item): item is T => item !== undefined);
}

function readAlert(body: unknown, fallbackId?: string): Signl4Alert | undefined {
    const fields = fieldsOf(body);
    const id = fields && (stringField(fields, 'id', 'alertId') ?? fallbackId);
    if (!fields || !id) {
        return undefined;
    }
    const status = fields.statusCode ?? fields.status;

    return {
        id,
        statusCode: typeof status === 'number' ? status : undefined,
        title: stringField(fields, 'title'),
        text: stringField(fields, 'text'),
        externalEventId: stringField(fields, 'externalEventId', 'externalId'),
        eventId: stringField(fields, 'eventId'),
    };
}

function readAlertPage(body: unknown): Signl4Alert[] | undefined {
    return readList(body, (item) => readAlert(item));
}

/** SIGNL4 lists alerts newest first (unverified); the answer is kept in that order, so the first match wins. */
function newest(alerts: Signl4Alert[]): Signl4Alert | undefined {
    return alerts[0];
}

function readUser(body: unknown): Signl4User | undefined {
    const fields = fieldsOf(body);
    const id = fields && stringField(fields, 'id', 'userId');
    if (!fields || !id) {
        return undefined;
    }
    const mail = stringField(fields, 'mail', 'email', 'mailAddress');
    const teamIds = dutyInfos(fields)
        .map((info) => stringField(info, 'teamId'))
        .filter((teamId): teamId is string => teamId !== undefined);

    return {
        id,
        name: stringField(fields, 'name', 'displayName', 'username') ?? mail ?? id,
        mail,
        teamIds: [...new Set(teamIds)],
    };
}

function readUserWithDuty(body: unknown): (Signl4User & { dutyModes: Record<string, number> }) | undefined {
    const user = readUser(body);
    const fields = fieldsOf(body);
    if (!user || !fields) {
        return undefined;
    }
    const dutyModes: Record<string, number> = {};
    for (const info of dutyInfos(fields)) {
        const teamId = stringField(info, 'teamId');
        if (teamId && typeof info.dutyMode === 'number') {
            dutyModes[teamId] = info.dutyMode;
        }
    }

    return { ...user, dutyModes };
}

function dutyInfos(fields: Fields): Fields[] {
    const infos = fields.dutyInfos;

    return Array.isArray(infos) ? infos.map(fieldsOf).filter((info): info is Fields => info !== undefined) : [];
}

function readTeam(body: unknown): Signl4Team | undefined {
    const fields = fieldsOf(body);
    const id = fields && stringField(fields, 'id', 'teamId');

    return fields && id ? { id, name: stringField(fields, 'name', 'externalName') ?? id } : undefined;
}
