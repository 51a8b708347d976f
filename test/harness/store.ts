import { generateKeyPairSync } from 'crypto';

import type { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import type { ILoggerStorageEntry } from '@rocket.chat/apps-engine/server/logging';
import type { IAppStorageItem } from '@rocket.chat/apps-engine/server/storage';

// One record of the app's persistence, as the server keeps it: plain JSON plus the association keys it was saved
// under ("<model>:<id>", e.g. "misc:alert:42").
export interface PersistedRecord {
    id: string;
    appId: string;
    associations: string[];
    data: object;
}

// A job as the server's scheduler (Agenda) stores it. `nextRunAt` is compared with the host's clock.
export interface ScheduledJob {
    jobId: string;
    appId: string;
    processorId: string;
    kind: 'once' | 'recurring';
    nextRunAt: Date;
    intervalMs?: number;
    data: Record<string, unknown>;
    runs: number;
    lastError?: string;
}

export interface StoredMessage extends IMessage {
    id: string;
    createdBy: 'host' | 'app';
    updatedCount: number;
}

export interface Ephemeral {
    userId: string;
    username: string;
    roomId?: string;
    text?: string;
    blocks?: unknown;
    message: IMessage;
}

// Everything a Rocket.Chat cluster keeps in its database. Pass the same HostStore to two hosts (or to a restart)
// and both see the same installed app, settings, persistence, jobs, users, rooms and messages; what lives only in
// one host (registered processors, endpoints, commands, the Deno process, the bridge call log) is not in here.
export class HostStore {
    public readonly apps = new Map<string, IAppStorageItem>();
    public readonly appPackages = new Map<string, Buffer>();
    public readonly persistence = new Map<string, PersistedRecord>();
    public readonly jobs = new Map<string, ScheduledJob>();
    public readonly users = new Map<string, IUser>();
    public readonly rooms = new Map<string, IRoom>();
    public readonly messages = new Map<string, StoredMessage>();
    public readonly ephemerals: Ephemeral[] = [];
    public readonly appLogs: ILoggerStorageEntry[] = [];
    // The engine signs each installed app with this key and verifies the signature when it loads it again, so every
    // host sharing the store must see the same pair, like every instance of a cluster reads one federation key.
    public readonly federationKeys = generateKeyPairSync('rsa', {
        modulusLength: 2048,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });

    // The cluster's shared clock for scheduled jobs; only the hosts' advance()/runDueJobs() move it.
    public readonly clock = { now: new Date() };

    private sequence = 0;

    public nextId(prefix: string): string {
        this.sequence += 1;

        return `${prefix}-${this.sequence.toString().padStart(4, '0')}`;
    }
}

// Stored data leaves the store as a deep copy, as it would after a database round trip: the app (and the engine)
// must never hold a reference into the store.
export function cloneJson<T>(value: T): T {
    return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
