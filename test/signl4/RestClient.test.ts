import { REST_TIMEOUT_MS, restBaseUrl, RestResult, Signl4RestClient } from '../../src/signl4/RestClient';
import { FakeAnswer, FakeHttp } from './fakeHttp';

const API_KEY = 'sk-live-0123456789abcdef';
const BASE = 'http://127.0.0.1:4000/api';

function clientWith(...answers: FakeAnswer[]): { http: FakeHttp; client: Signl4RestClient } {
    const http = new FakeHttp().answer(...answers);

    return { http, client: new Signl4RestClient(http, API_KEY, `${BASE}/`) };
}

function failure<T>(result: RestResult<T>) {
    if (result.ok) {
        throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
    }

    return result;
}

describe('restBaseUrl', () => {
    it("takes the webhook URL's origin and adds /api", () => {
        expect(restBaseUrl('http://127.0.0.1:4000/webhook/abc')).toBe('http://127.0.0.1:4000/api');
        expect(restBaseUrl('https://connect.signl4.com/webhook/abc')).toBe('https://connect.signl4.com/api');
    });

    it("falls back to SIGNL4's public API without a usable URL", () => {
        expect(restBaseUrl(undefined)).toBe('https://connect.signl4.com/api');
        expect(restBaseUrl('not a url')).toBe('https://connect.signl4.com/api');
        expect(restBaseUrl('ftp://example.com/x')).toBe('https://connect.signl4.com/api');
    });
});

describe('Signl4RestClient requests', () => {
    it('acknowledges with the API key header, a short timeout and both field name sets', async () => {
        const { http, client } = clientWith({ status: 200 });

        expect(await client.acknowledge('a/1', 'u-1', 'on it')).toEqual({ ok: true, value: undefined });

        const [call] = http.calls;
        expect(call.method).toBe('POST');
        expect(call.url).toBe(`${BASE}/v2/alerts/a%2F1/acknowledge`);
        expect(call.options.headers).toMatchObject({ 'X-S4-Api-Key': API_KEY, 'Content-Type': 'application/json' });
        expect(call.options.timeout).toBe(REST_TIMEOUT_MS);
        expect(call.body).toEqual({ uid: 'u-1', userId: 'u-1', descr: 'on it', description: 'on it' });
    });

    it('closes without a note field when there is no note', async () => {
        const { http, client } = clientWith({ status: 204 });

        expect((await client.close('a-1', 'u-1')).ok).toBe(true);
        expect(http.calls[0].url).toBe(`${BASE}/v2/alerts/a-1/close`);
        expect(http.calls[0].body).toEqual({ uid: 'u-1', userId: 'u-1' });
    });

    it('annotates with text, user and type 1', async () => {
        const { http, client } = clientWith({ status: 200 });

        await client.annotate('a-1', 'u-1', 'disk replaced');
        expect(http.calls[0].url).toBe(`${BASE}/v2/alerts/a-1/annotate`);
        expect(http.calls[0].body).toEqual({ text: 'disk replaced', userId: 'u-1', type: 1 });
    });

    it('reads an alert, accepting either status field name', async () => {
        const { http, client } = clientWith(
            { status: 200, body: { id: 'a-1', statusCode: 2, title: 'Disk', externalEventId: 'rc-1', eventId: 'e' } },
            { status: 200, body: { status: 4, externalId: 'rc-2' } },
        );

        expect(await client.alert('a-1')).toEqual({
            ok: true,
            value: { id: 'a-1', statusCode: 2, title: 'Disk', text: undefined, externalEventId: 'rc-1', eventId: 'e' },
        });
        expect(http.calls[0]).toMatchObject({ method: 'GET', url: `${BASE}/v2/alerts/a-1`, body: undefined });
        expect(await client.alert('a-2')).toMatchObject({
            ok: true,
            value: { id: 'a-2', statusCode: 4, externalEventId: 'rc-2' },
        });
    });

    it('finds the newest alert confirmed to carry the ExternalID, through the paged search', async () => {
        const results = [
            { id: 'other', externalEventId: 'rc-9' },
            { id: 'newest', externalEventId: 'rc-1' },
            { id: 'older', externalEventId: 'rc-1' },
        ];
        const { http, client } = clientWith({ status: 200, body: { results, hasMore: false } });

        expect(await client.findAlertByExternalId('rc-1', 'u 1')).toMatchObject({ ok: true, value: { id: 'newest' } });
        expect(http.calls[0].url).toBe(`${BASE}/v2/alerts/paged?userId=u%201&maxResults=25`);
        expect(http.calls[0].body).toMatchObject({ externalId: 'rc-1' });
    });

    it('answers undefined when no alert carries the ExternalID', async () => {
        const { http, client } = clientWith({ status: 200, body: { results: [{ id: 'x' }] } });

        expect(await client.findAlertByExternalId('rc-1')).toEqual({ ok: true, value: undefined });
        expect(http.calls[0].url).toBe(`${BASE}/v2/alerts/paged?maxResults=25`);
    });

    it('looks a user up by e-mail, URL-encoded, with the teams from the duty infos', async () => {
        const user = {
            id: 'u-1',
            name: 'Alice',
            mail: 'alice+ops@example.com',
            dutyInfos: [{ teamId: 't-1', dutyMode: 1 }, { teamId: 't-2', dutyMode: 0 }, { teamId: 't-1' }],
        };
        const { http, client } = clientWith({ status: 200, body: user });

        expect(await client.userByEmail('alice+ops@example.com')).toEqual({
            ok: true,
            value: { id: 'u-1', name: 'Alice', mail: 'alice+ops@example.com', teamIds: ['t-1', 't-2'] },
        });
        expect(http.calls[0].url).toBe(`${BASE}/v2/users/alice%2Bops%40example.com`);
    });

    it('answers undefined for an unknown e-mail address (404) and uses the address as a missing name', async () => {
        const { client } = clientWith(
            { status: 404, body: { message: 'User not found.' } },
            {
                status: 200,
                body: { id: 'u-2', mail: 'bob@example.com' },
            },
        );

        expect(await client.userByEmail('nobody@example.com')).toEqual({ ok: true, value: undefined });
        expect(await client.userByEmail('bob@example.com')).toMatchObject({ value: { name: 'bob@example.com' } });
    });

    it('lists who is on duty per team with two calls, managers flagged', async () => {
        const teams = [
            { id: 't-1', name: 'Ops' },
            { id: 't-2', name: 'Network' },
        ];
        const users = [
            { id: 'u-1', name: 'Alice', dutyInfos: [{ teamId: 't-1', dutyMode: 1 }] },
            {
                id: 'u-2',
                name: 'Bob',
                dutyInfos: [
                    { teamId: 't-1', dutyMode: 100 },
                    { teamId: 't-2', dutyMode: 0 },
                ],
            },
            { id: 'u-3', name: 'Carol', dutyInfos: [] },
        ];
        const { http, client } = clientWith({ status: 200, body: teams }, { status: 200, body: users });

        expect(await client.onDuty()).toEqual({
            ok: true,
            value: [
                {
                    team: { id: 't-1', name: 'Ops' },
                    onDuty: [
                        { id: 'u-1', name: 'Alice', manager: false },
                        { id: 'u-2', name: 'Bob', manager: true },
                    ],
                },
                { team: { id: 't-2', name: 'Network' }, onDuty: [] },
            ],
        });
        expect(http.calls.map((call) => `${call.method} ${call.url}`)).toEqual([
            `GET ${BASE}/v2/teams`,
            `GET ${BASE}/v2/users`,
        ]);
    });

    it('punches in and out with the user and team ids', async () => {
        const { http, client } = clientWith({ status: 200 }, { status: 200 });

        await client.punchIn('u-1', ['t-1', 't-2']);
        await client.punchOut('u-1', ['t-1']);
        expect(http.calls.map((call) => [call.url, call.body])).toEqual([
            [`${BASE}/v2/duties/punchIn`, { userId: 'u-1', teamIds: ['t-1', 't-2'] }],
            [`${BASE}/v2/duties/punchOut`, { userId: 'u-1', teamIds: ['t-1'] }],
        ]);
    });
});

describe('Signl4RestClient problems', () => {
    it.each([
        [401, 'unauthorized'],
        [403, 'unauthorized'],
        [404, 'not-found'],
        [409, 'not-allowed'],
        [429, 'rate-limited'],
        [500, 'unavailable'],
        [503, 'unavailable'],
        [408, 'unavailable'],
        [400, 'rejected'],
        [422, 'rejected'],
    ])('maps HTTP %i to %s', async (status, problem) => {
        const { client } = clientWith({ status, body: { message: 'Something.' } });

        expect(failure(await client.close('a-1', 'u-1'))).toEqual({
            ok: false,
            problem,
            status,
            detail: `HTTP ${status} (Something.)`,
            ...(status === 429 ? { retryAfterMs: undefined } : {}),
        });
    });

    it('passes on how long SIGNL4 asks to wait after a 429', async () => {
        const { client } = clientWith({ status: 429, headers: { 'Retry-After': '30' } });

        expect(failure(await client.teams())).toMatchObject({ problem: 'rate-limited', retryAfterMs: 30_000 });
    });

    it('maps a timeout and a broken connection to unavailable', async () => {
        const { client } = clientWith(
            { throws: new Error('ETIMEDOUT: timed out') },
            { throws: new Error('ECONNRESET') },
        );

        expect(failure(await client.alert('a-1'))).toMatchObject({
            problem: 'unavailable',
            detail: 'no answer in time: ETIMEDOUT: timed out',
        });
        expect(failure(await client.alert('a-1'))).toMatchObject({
            problem: 'unavailable',
            detail: 'connection failed: ECONNRESET',
        });
    });

    it('maps an unreadable 2xx answer to rejected', async () => {
        const { client } = clientWith({ status: 200, body: { unexpected: true } }, { status: 200 });

        expect(failure(await client.teams())).toMatchObject({ problem: 'rejected', status: 200 });
        expect(failure(await client.userByEmail('a@example.com'))).toMatchObject({ problem: 'rejected' });
    });

    it('never lets the API key into a detail', async () => {
        const { client } = clientWith(
            { throws: new Error(`request to ${BASE}/v2/teams with X-S4-Api-Key ${API_KEY} failed`) },
            { status: 401, body: { message: `API Key ${API_KEY} is invalid.` } },
            { status: 500, body: { details: `key=${API_KEY}` } },
        );

        const details = [
            failure(await client.teams()).detail,
            failure(await client.punchIn('u', ['t'])).detail,
            failure(await client.alert('a')).detail,
        ];
        details.forEach((detail) => expect(detail).not.toContain(API_KEY));
        expect(details[1]).toBe('HTTP 401 (API Key *** is invalid.)');
    });
});
