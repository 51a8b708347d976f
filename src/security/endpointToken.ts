import { randomBytes, timingSafeEqual } from 'crypto';
import { Buffer } from 'buffer';

/** An unguessable secret for the events endpoint URL: SIGNL4's outbound webhooks carry no signature of their own. */
export function generateEndpointToken(): string {
    return randomBytes(24).toString('hex');
}

/** Compares in constant time, so the answer's timing tells an attacker nothing about the token. */
export function tokenMatches(expected: string | undefined, presented: unknown): boolean {
    if (!expected || typeof presented !== 'string' || presented.length !== expected.length) {
        return false;
    }

    return timingSafeEqual(Buffer.from(expected), Buffer.from(presented));
}
