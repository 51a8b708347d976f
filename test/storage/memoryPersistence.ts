import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

/** App persistence in memory, keyed by association id, for the storage classes' unit tests. */
export function memoryPersistence(): { reader: IPersistenceRead; writer: IPersistence; records: Map<string, object> } {
    const records = new Map<string, object>();
    const keyOf = (association: RocketChatAssociationRecord) => association.getID();

    const reader = {
        readByAssociation: async (association: RocketChatAssociationRecord) => {
            const record = records.get(keyOf(association));

            return record ? [JSON.parse(JSON.stringify(record))] : [];
        },
    } as unknown as IPersistenceRead;

    const writer = {
        updateByAssociation: async (association: RocketChatAssociationRecord, data: object) => {
            records.set(keyOf(association), JSON.parse(JSON.stringify(data)));

            return keyOf(association);
        },
        removeByAssociation: async (association: RocketChatAssociationRecord) => {
            const existing = records.get(keyOf(association));
            records.delete(keyOf(association));

            return existing ? [existing] : [];
        },
    } as unknown as IPersistence;

    return { reader, writer, records };
}
