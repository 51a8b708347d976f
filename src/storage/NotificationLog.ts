import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';

import { firstRecord, recordKey, writable } from './records';

/** Ids of the SIGNL4 notifications already handled, so a redelivered one is posted once. */
export class NotificationLog {
    constructor(
        private readonly reader: IPersistenceRead,
        private readonly writer?: IPersistence,
    ) {}

    /**
     * Marks a notification as handled; answers false when it was already. Two instances receiving the same redelivery
     * at the same moment can both pass: app persistence offers no atomic insert-if-absent.
     */
    public async markOnce(notificationId: string, day: string): Promise<boolean> {
        const marker = recordKey('notification', notificationId);
        if (await firstRecord(this.reader, marker)) {
            return false;
        }
        await writable(this.writer, 'NotificationLog').createWithAssociations({ day }, [
            marker,
            recordKey('notification-day', day),
        ]);

        return true;
    }

    /** Undoes {@link markOnce} for a notification that could not be handled, so that a redelivery is. */
    public async forget(notificationId: string): Promise<void> {
        await writable(this.writer, 'NotificationLog').removeByAssociation(recordKey('notification', notificationId));
    }

    /** Drops the markers of one day: SIGNL4 redelivers within minutes, so old markers only take space. */
    public async forgetDay(day: string): Promise<void> {
        await writable(this.writer, 'NotificationLog').removeByAssociation(recordKey('notification-day', day));
    }
}
