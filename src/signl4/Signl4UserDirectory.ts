import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { CachedSignl4User, Signl4UserCache } from '../storage/Signl4UserCache';
import { RestProblem, Signl4RestClient } from './RestClient';

/** A found SIGNL4 user is trusted for an hour: names and team memberships change rarely. */
export const LINKED_TTL_MS = 60 * 60 * 1000;

/** A miss is retried sooner, so that someone just invited to SIGNL4 can act within minutes. */
export const NOT_LINKED_TTL_MS = 5 * 60 * 1000;

/** Who a Rocket.Chat user is in SIGNL4. */
export type Signl4UserLink =
    | {
          readonly kind: 'linked';
          readonly signl4UserId: string;
          readonly name: string;
          readonly teamIds: ReadonlyArray<string>;
      }
    | {
          readonly kind: 'not-linked';
          /** `no-verified-email`: nothing to look up; `no-signl4-user`: SIGNL4 knows none of the addresses. */
          readonly reason: 'no-verified-email' | 'no-signl4-user';
          readonly email?: string;
      }
    | { readonly kind: 'problem'; readonly problem: RestProblem; readonly detail: string };

/**
 * Maps Rocket.Chat users to SIGNL4 users by verified e-mail address only: an unverified address could be anyone's,
 * and acting on an alert in someone else's name is what this must never allow.
 */
export class Signl4UserDirectory {
    constructor(
        private readonly client: Pick<Signl4RestClient, 'userByEmail'>,
        private readonly cache: Signl4UserCache,
        private readonly now: () => number = Date.now,
    ) {}

    public async lookUp(user: IUser): Promise<Signl4UserLink> {
        const emails = verifiedEmails(user);
        if (emails.length === 0) {
            return { kind: 'not-linked', reason: 'no-verified-email' };
        }

        const cached = await this.cache.entry(user.id);
        if (cached && cached.expiresAt > this.now() && emails.includes(cached.email)) {
            return linkOf(cached);
        }

        // Usually one address; each further verified address costs one more call, and only on a miss.
        for (const email of emails) {
            const found = await this.client.userByEmail(email);
            if (!found.ok) {
                return { kind: 'problem', problem: found.problem, detail: found.detail };
            }
            if (found.value) {
                const { id, name, teamIds } = found.value;
                const entry = { email, signl4UserId: id, name, teamIds, expiresAt: this.now() + LINKED_TTL_MS };
                await this.cache.save(user.id, entry);

                return linkOf(entry);
            }
        }

        const miss = { email: emails[0], expiresAt: this.now() + NOT_LINKED_TTL_MS };
        await this.cache.save(user.id, miss);

        return linkOf(miss);
    }
}

function verifiedEmails(user: IUser): string[] {
    const addresses = (user.emails ?? [])
        .filter((email) => email?.verified === true && typeof email.address === 'string')
        .map((email) => email.address.trim().toLowerCase())
        .filter((address) => address.includes('@'));

    return [...new Set(addresses)];
}

function linkOf(entry: CachedSignl4User): Signl4UserLink {
    if (!entry.signl4UserId) {
        return { kind: 'not-linked', reason: 'no-signl4-user', email: entry.email };
    }

    return {
        kind: 'linked',
        signl4UserId: entry.signl4UserId,
        name: entry.name ?? entry.email,
        teamIds: entry.teamIds ?? [],
    };
}
