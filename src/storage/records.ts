import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

/** The association key of one kind of app record; the prefix keeps the app's keys apart from anything else. */
export function recordKey(kind: string, id: string): RocketChatAssociationRecord {
    return new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, `signl4:${kind}:${id}`);
}

export async function firstRecord<T>(
    reader: IPersistenceRead,
    association: RocketChatAssociationRecord,
): Promise<T | undefined> {
    const [record] = (await reader.readByAssociation(association)) ?? [];

    return record as T | undefined;
}

export function writable(writer: IPersistence | undefined, store: string): IPersistence {
    if (!writer) {
        throw new Error(`${store} was opened read-only`);
    }

    return writer;
}
