import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { changeDuty, OnCallClient, onCallReport } from '../../src/commands/onCall';
import { RestResult, TeamDuty } from '../../src/signl4/RestClient';
import { Signl4UserLink } from '../../src/signl4/Signl4UserDirectory';

const USER = { id: 'rc-alice', username: 'alice' } as IUser;

function fakeClient(duty: RestResult<TeamDuty[]>, punch: RestResult<void> = { ok: true, value: undefined }) {
    const punches: Array<[string, string, ReadonlyArray<string>]> = [];
    const client: OnCallClient = {
        onDuty: async () => duty,
        punchIn: async (userId, teamIds) => (punches.push(['in', userId, teamIds]), punch),
        punchOut: async (userId, teamIds) => (punches.push(['out', userId, teamIds]), punch),
    };

    return { client, punches };
}

const directoryAnswering = (link: Signl4UserLink) => ({ lookUp: async () => link });
const LINKED: Signl4UserLink = { kind: 'linked', signl4UserId: 's4-alice', name: 'Alice', teamIds: ['t-1', 't-2'] };

describe('onCallReport', () => {
    it('lists each team with who is on duty, and nobody where no one is', async () => {
        const { client } = fakeClient({
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

        expect(await onCallReport(client, 'en')).toBe(
            ['*On duty in SIGNL4*', '• Ops: Alice, Bob (manager)', '• Network: nobody'].join('\n'),
        );
        expect(await onCallReport(client, 'de')).toBe(
            ['*Im Dienst bei SIGNL4*', '• Ops: Alice, Bob (Manager)', '• Network: niemand'].join('\n'),
        );
    });

    it('says so when the API key sees no team, or there is no API key', async () => {
        expect(await onCallReport(fakeClient({ ok: true, value: [] }).client, 'en')).toBe(
            'The SIGNL4 API key does not see any team.',
        );
        expect(await onCallReport(undefined, 'en')).toContain('needs a SIGNL4 API key');
    });

    it('turns REST problems into clear answers without details', async () => {
        const answer = (problem: 'unauthorized' | 'unavailable' | 'rate-limited' | 'rejected', status?: number) =>
            onCallReport(fakeClient({ ok: false, problem, status, detail: 'HTTP x (secret stuff)' }).client, 'en');

        expect(await answer('unauthorized', 401)).toContain('did not accept the API key');
        expect(await answer('unavailable')).toBe(
            'SIGNL4 is not reachable right now. Please try again in a few minutes.',
        );
        expect(await answer('rate-limited', 429)).toContain('too many requests');
        expect(await answer('rejected', 400)).toBe('SIGNL4 refused the request (HTTP 400).');
        expect(await answer('rejected', 400)).not.toContain('secret stuff');
    });
});

describe('changeDuty', () => {
    it('punches the caller in to and out of all their teams', async () => {
        const { client, punches } = fakeClient({ ok: true, value: [] });
        const directory = directoryAnswering(LINKED);

        expect(await changeDuty(client, directory, USER, 'on', 'en')).toBe('🟢 You are on duty now in SIGNL4.');
        expect(await changeDuty(client, directory, USER, 'off', 'de')).toBe(
            '⚪ Sie sind jetzt bei SIGNL4 außer Dienst.',
        );
        expect(punches).toEqual([
            ['in', 's4-alice', ['t-1', 't-2']],
            ['out', 's4-alice', ['t-1', 't-2']],
        ]);
    });

    it('explains why nothing happened for users it cannot link', async () => {
        const { client, punches } = fakeClient({ ok: true, value: [] });

        const unverified = directoryAnswering({ kind: 'not-linked', reason: 'no-verified-email' });
        expect(await changeDuty(client, unverified, USER, 'on', 'en')).toContain('no verified e-mail address');

        const unknown = directoryAnswering({ kind: 'not-linked', reason: 'no-signl4-user', email: 'a@example.com' });
        expect(await changeDuty(client, unknown, USER, 'on', 'de')).toBe(
            'SIGNL4 kennt keinen Benutzer mit Ihrer E-Mail-Adresse a@example.com. Bitten Sie einen SIGNL4-Admin, Sie einzuladen.',
        );

        const teamless = directoryAnswering({ ...LINKED, teamIds: [] });
        expect(await changeDuty(client, teamless, USER, 'off', 'en')).toBe('You are not a member of any SIGNL4 team.');
        expect(punches).toEqual([]);
    });

    it('answers for a missing API key, a failed look-up and a failed punch', async () => {
        const down = fakeClient({ ok: true, value: [] }, { ok: false, problem: 'unavailable', detail: 'timeout' });

        expect(await changeDuty(undefined, undefined, USER, 'on', 'en')).toContain('needs a SIGNL4 API key');
        expect(
            await changeDuty(
                down.client,
                directoryAnswering({ kind: 'problem', problem: 'unauthorized', detail: 'HTTP 401' }),
                USER,
                'on',
                'en',
            ),
        ).toContain('did not accept the API key');
        expect(await changeDuty(down.client, directoryAnswering(LINKED), USER, 'on', 'en')).toContain(
            'not reachable right now',
        );
    });
});
