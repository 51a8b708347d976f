import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';

import { firstRecord, recordKey, writable } from './records';

/** The secret part of the events endpoint URL, shared by every server instance. */
export class EndpointTokenStore {
    constructor(
        private readonly reader: IPersistenceRead,
        private readonly writer?: IPersistence,
    ) {}

    public async token(): Promise<string | undefined> {
        return (await firstRecord<{ token: string }>(this.reader, recordKey('endpoint', 'token')))?.token;
    }

    public async save(token: string): Promise<void> {
        await writable(this.writer, 'EndpointTokenStore').updateByAssociation(
            recordKey('endpoint', 'token'),
            { token },
            true,
        );
    }
}
