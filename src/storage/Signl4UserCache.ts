import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';

import { firstRecord, recordKey, writable } from './records';

/** What SIGNL4 answered for one Rocket.Chat user's e-mail address, and until when that answer is trusted. */
export interface CachedSignl4User {
    /** The verified address that was looked up; a changed address makes the entry stale. */
    readonly email: string;
    /** Unset when SIGNL4 has no user with that address (a negative entry). */
    readonly signl4UserId?: string;
    readonly name?: string;
    readonly teamIds?: ReadonlyArray<string>;
    /** Epoch milliseconds. */
    readonly expiresAt: number;
}

/**
 * The SIGNL4 user behind each Rocket.Chat user, so that a button press does not cost a REST call every time. Kept in
 * app persistence, so every server instance shares it and a restart keeps it.
 */
export class Signl4UserCache {
    constructor(
        private readonly reader: IPersistenceRead,
        private readonly writer?: IPersistence,
    ) {}

    public async entry(rocketChatUserId: string): Promise<CachedSignl4User | undefined> {
        return firstRecord<CachedSignl4User>(this.reader, recordKey('signl4-user', rocketChatUserId));
    }

    public async save(rocketChatUserId: string, entry: CachedSignl4User): Promise<void> {
        await writable(this.writer, 'Signl4UserCache').updateByAssociation(
            recordKey('signl4-user', rocketChatUserId),
            entry,
            true,
        );
    }

    public async forget(rocketChatUserId: string): Promise<void> {
        await writable(this.writer, 'Signl4UserCache').removeByAssociation(recordKey('signl4-user', rocketChatUserId));
    }
}
