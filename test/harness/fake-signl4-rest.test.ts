import * as http from 'http';

import { IHttp, IHttpRequest, IHttpResponse, RequestMethod } from '@rocket.chat/apps-engine/definition/accessors';

import { Signl4RestClient } from '../../src/signl4/RestClient';
import { FakeSignl4 } from './fake-signl4';

const API_KEY = 'fake-api-key-123';

interface Answer {
    status: number;
    body: unknown;
}

function send(url: string, method: string, headers: Record<string, string> = {}, body?: unknown): Promise<Answer> {
    return new Promise((resolve, reject) => {
        const content = body === undefined ? undefined : JSON.stringify(body);
        const request = http.request(
            url,
            { method, headers: content ? { ...headers, 'Content-Type': 'application/json' } : headers },
            (response) => {
                const chunks: Buffer[] = [];
                response.on('data', (chunk: Buffer) => chunks.push(chunk));
                response.on('end', () => {
                    const raw = Buffer.concat(chunks).toString('utf8');
                    resolve({ status: response.statusCode ?? 0, body: raw ? JSON.parse(raw) : undefined });
                });
            },
        );
        request.on('error', reject);
        request.end(content);
    });
}

/** The app's IHttp as the server's bridge provides it, reduced to what the REST client uses. */
function nodeHttp(): IHttp {
    const call = async (method: 'GET' | 'POST', url: string, options: IHttpRequest = {}): Promise<IHttpResponse> => {
        const answer = await send(url, method, options.headers, options.content && JSON.parse(options.content));

        return {
            url,
            method: method === 'GET' ? RequestMethod.GET : RequestMethod.POST,
            statusCode: answer.status,
            data: answer.body,
        };
    };
    const unused = () => Promise.reject(new Error('not used'));

    return {
        get: (u, o) => call('GET', u, o),
        post: (u, o) => call('POST', u, o),
        put: unused,
        del: unused,
        patch: unused,
    };
}

describe('FakeSignl4 REST API', () => {
    let fake: FakeSignl4;
    const api = (path: string) => `${fake.url()}/api/v2${path}`;
    const key = { 'X-S4-Api-Key': API_KEY };

    beforeEach(async () => {
        fake = await FakeSignl4.start(['team-secret']);
        fake.setApiKey(API_KEY);
        fake.addTeam({ id: 't-ops', name: 'Ops' });
        fake.addUser({ id: 'u-alice', email: 'alice@example.com', name: 'Alice', teamIds: ['t-ops'] });
    });

    afterEach(async () => {
        await fake.close();
    });

    it('refuses calls without the right API key', async () => {
        expect((await send(api('/teams'), 'GET')).status).toBe(401);
        expect((await send(api('/teams'), 'GET', { 'X-S4-Api-Key': 'wrong' })).status).toBe(401);
        expect(await send(api('/teams'), 'GET', key)).toEqual({ status: 200, body: [{ id: 't-ops', name: 'Ops' }] });
    });

    it('gives a webhook alert an alert id, findable by ExternalID, with a lifecycle', async () => {
        await send(fake.webhookUrl('team-secret'), 'POST', {}, { 'Title': 'Disk full', 'X-S4-ExternalID': 'rc-1' });
        const alertId = fake.alertIdFor('rc-1')!;
        expect(fake.raisedAlerts()[0].alertId).toBe(alertId);
        expect(fake.alertState(alertId)).toBe('new');

        const paged = await send(api('/alerts/paged?maxResults=5'), 'POST', key, { externalId: 'rc-1' });
        expect(paged.body).toMatchObject({ results: [{ id: alertId, externalEventId: 'rc-1', statusCode: 1 }] });

        expect((await send(api(`/alerts/${alertId}/acknowledge`), 'POST', key, { uid: 'u-alice' })).status).toBe(200);
        expect(fake.alertState(alertId)).toBe('acknowledged');
        expect((await send(api(`/alerts/${alertId}/close`), 'POST', key, { uid: 'u-alice' })).status).toBe(200);
        expect(fake.alertState(alertId)).toBe('closed');
        expect((await send(api(`/alerts/${alertId}/close`), 'POST', key, {})).status).toBe(409);
        expect((await send(api(`/alerts/${alertId}/acknowledge`), 'POST', key, {})).status).toBe(409);
        expect((await send(api('/alerts/unknown/close'), 'POST', key, {})).status).toBe(404);
        expect((await send(api(`/alerts/${alertId}`), 'GET', key)).body).toMatchObject({ id: alertId, statusCode: 4 });
    });

    it('resolves an alert by ExternalID through the webhook', async () => {
        const webhook = fake.webhookUrl('team-secret');
        await send(webhook, 'POST', {}, { 'Title': 'x', 'X-S4-ExternalID': 'rc-2' });
        await send(webhook, 'POST', {}, { 'X-S4-ExternalID': 'rc-2', 'X-S4-Status': 'resolved' });

        expect(fake.alertState(fake.alertIdFor('rc-2')!)).toBe('closed');
        expect(fake.raisedAlerts()[1].alertId).toBeUndefined();
    });

    it('finds users by e-mail or id and keeps duty per user and team', async () => {
        expect((await send(api('/users/ALICE%40example.com'), 'GET', key)).body).toMatchObject({ id: 'u-alice' });
        expect((await send(api('/users/nobody%40example.com'), 'GET', key)).status).toBe(404);

        await send(api('/duties/punchIn'), 'POST', key, { userId: 'u-alice', teamIds: ['t-ops'] });
        expect(fake.onDutyTeams('u-alice')).toEqual(['t-ops']);
        expect((await send(api('/users'), 'GET', key)).body).toEqual([
            {
                id: 'u-alice',
                name: 'Alice',
                mail: 'alice@example.com',
                dutyInfos: [{ teamId: 't-ops', dutyMode: 1, lastChange: new Date(0).toISOString() }],
            },
        ]);
        await send(api('/duties/PunchOut'), 'POST', key, { userId: 'u-alice', teamIds: ['t-ops'] });
        expect(fake.onDutyTeams('u-alice')).toEqual([]);
        expect((await send(api('/duties/punchIn'), 'POST', key, { userId: 'ghost', teamIds: [] })).status).toBe(404);
        expect((await send(api('/duties/punchIn'), 'POST', key, {})).status).toBe(400);
    });

    it('records REST calls and applies scripted answers to them', async () => {
        fake.answerNext({ kind: 'status', status: 503 });
        expect((await send(api('/teams'), 'GET', key)).status).toBe(503);

        const [call] = fake.requests();
        expect(call).toMatchObject({ method: 'GET', path: '/api/v2/teams' });
        expect(call.headers['x-s4-api-key']).toBe(API_KEY);
    });

    it('keeps answering 200 {} on /api paths while no API key is set', async () => {
        const plain = await FakeSignl4.start();
        try {
            expect(await send(`${plain.url()}/api/v2/alerts/a/acknowledge`, 'POST')).toEqual({ status: 200, body: {} });
        } finally {
            await plain.close();
        }
    });

    it('agrees with the app REST client end to end', async () => {
        const client = new Signl4RestClient(nodeHttp(), API_KEY, `${fake.url()}/api`);
        await send(fake.webhookUrl('team-secret'), 'POST', {}, { 'Title': 'Disk', 'X-S4-ExternalID': 'rc-3' });

        const user = await client.userByEmail('alice@example.com');
        expect(user).toEqual({
            ok: true,
            value: { id: 'u-alice', name: 'Alice', mail: 'alice@example.com', teamIds: ['t-ops'] },
        });
        const found = await client.findAlertByExternalId('rc-3', 'u-alice');
        expect(found).toMatchObject({ ok: true, value: { externalEventId: 'rc-3', title: 'Disk', statusCode: 1 } });

        const alertId = found.ok && found.value ? found.value.id : '';
        expect(await client.acknowledge(alertId, 'u-alice', 'on it')).toEqual({ ok: true, value: undefined });
        expect(await client.annotate(alertId, 'u-alice', 'rebooting')).toEqual({ ok: true, value: undefined });
        expect(await client.close(alertId, 'u-alice')).toEqual({ ok: true, value: undefined });
        expect(await client.close(alertId, 'u-alice')).toMatchObject({
            ok: false,
            problem: 'not-allowed',
            status: 409,
        });
        expect(fake.alert(alertId)?.annotations).toEqual([{ userId: 'u-alice', text: 'rebooting' }]);

        expect(await client.punchIn('u-alice', ['t-ops'])).toEqual({ ok: true, value: undefined });
        expect(await client.onDuty()).toEqual({
            ok: true,
            value: [{ team: { id: 't-ops', name: 'Ops' }, onDuty: [{ id: 'u-alice', name: 'Alice', manager: false }] }],
        });

        const wrongKey = new Signl4RestClient(nodeHttp(), 'not-the-key', `${fake.url()}/api`);
        expect(await wrongKey.teams()).toMatchObject({ ok: false, problem: 'unauthorized', status: 401 });
    });
});
