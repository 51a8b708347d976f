import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { RestResult, Signl4User } from '../../src/signl4/RestClient';
import { LINKED_TTL_MS, NOT_LINKED_TTL_MS, Signl4UserDirectory } from '../../src/signl4/Signl4UserDirectory';
import { Signl4UserCache } from '../../src/storage/Signl4UserCache';
import { memoryPersistence } from '../storage/memoryPersistence';

const ALICE: Signl4User = { id: 's4-alice', name: 'Alice A.', mail: 'alice@example.com', teamIds: ['t-1'] };

function rcUser(emails: Array<{ address: string; verified: boolean }>, id = 'rc-alice'): IUser {
    return { id, username: 'alice', emails } as unknown as IUser;
}

function setUp(answers: Array<RestResult<Signl4User | undefined>> = []) {
    let now = 1_000_000;
    const looked: string[] = [];
    const client = {
        userByEmail: async (email: string) => {
            looked.push(email);

            return answers.shift() ?? { ok: true as const, value: undefined };
        },
    };
    const { reader, writer } = memoryPersistence();
    const directory = new Signl4UserDirectory(client, new Signl4UserCache(reader, writer), () => now);

    return { directory, looked, advance: (ms: number) => (now += ms) };
}

describe('Signl4UserDirectory', () => {
    it('links by a verified e-mail address and never asks SIGNL4 about unverified ones', async () => {
        const { directory, looked } = setUp([{ ok: true, value: ALICE }]);
        const user = rcUser([
            { address: 'other@example.com', verified: false },
            { address: 'Alice@Example.com', verified: true },
        ]);

        expect(await directory.lookUp(user)).toEqual({
            kind: 'linked',
            signl4UserId: 's4-alice',
            name: 'Alice A.',
            teamIds: ['t-1'],
        });
        expect(looked).toEqual(['alice@example.com']);
    });

    it('answers not-linked without a call when no address is verified', async () => {
        const { directory, looked } = setUp();

        expect(await directory.lookUp(rcUser([{ address: 'a@example.com', verified: false }]))).toEqual({
            kind: 'not-linked',
            reason: 'no-verified-email',
        });
        expect(await directory.lookUp(rcUser([]))).toMatchObject({ reason: 'no-verified-email' });
        expect(looked).toEqual([]);
    });

    it('costs one call per hour per user while linked', async () => {
        const { directory, looked, advance } = setUp([
            { ok: true, value: ALICE },
            { ok: true, value: ALICE },
        ]);
        const user = rcUser([{ address: 'alice@example.com', verified: true }]);

        await directory.lookUp(user);
        advance(LINKED_TTL_MS - 1);
        expect(await directory.lookUp(user)).toMatchObject({ kind: 'linked' });
        expect(looked).toHaveLength(1);

        advance(2);
        expect(await directory.lookUp(user)).toMatchObject({ kind: 'linked' });
        expect(looked).toHaveLength(2);
    });

    it('remembers a miss for five minutes', async () => {
        const { directory, looked, advance } = setUp([
            { ok: true, value: undefined },
            { ok: true, value: ALICE },
        ]);
        const user = rcUser([{ address: 'alice@example.com', verified: true }]);

        expect(await directory.lookUp(user)).toEqual({
            kind: 'not-linked',
            reason: 'no-signl4-user',
            email: 'alice@example.com',
        });
        advance(NOT_LINKED_TTL_MS - 1);
        expect(await directory.lookUp(user)).toMatchObject({ reason: 'no-signl4-user' });
        expect(looked).toHaveLength(1);

        advance(2);
        expect(await directory.lookUp(user)).toMatchObject({ kind: 'linked' });
        expect(looked).toHaveLength(2);
    });

    it('looks again when the verified address changed', async () => {
        const { directory, looked } = setUp([
            { ok: true, value: ALICE },
            { ok: true, value: { ...ALICE, id: 's4-new' } },
        ]);

        await directory.lookUp(rcUser([{ address: 'alice@example.com', verified: true }]));
        expect(await directory.lookUp(rcUser([{ address: 'alice@new.example', verified: true }]))).toMatchObject({
            signl4UserId: 's4-new',
        });
        expect(looked).toEqual(['alice@example.com', 'alice@new.example']);
    });

    it('passes a REST problem on and caches nothing then', async () => {
        const { directory, looked } = setUp([
            { ok: false, problem: 'unavailable', detail: 'HTTP 503' },
            { ok: true, value: ALICE },
        ]);
        const user = rcUser([{ address: 'alice@example.com', verified: true }]);

        expect(await directory.lookUp(user)).toEqual({ kind: 'problem', problem: 'unavailable', detail: 'HTTP 503' });
        expect(await directory.lookUp(user)).toMatchObject({ kind: 'linked' });
        expect(looked).toHaveLength(2);
    });
});
