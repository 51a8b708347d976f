import { IProcessor, StartupType } from '@rocket.chat/apps-engine/definition/scheduler';

import { AppContext } from '../AppContext';
import { AlertRaiser, RETRY_PROCESSOR_ID } from '../alerts/AlertRaiser';
import { describeError } from '../security/redact';
import { NotificationLog } from '../storage/NotificationLog';

export const FORGET_NOTIFICATIONS_PROCESSOR_ID = 'signl4-forget-notifications';

/** Duplicate markers are kept for this many days; older days are dropped by the daily job. */
const NOTIFICATION_MEMORY_DAYS = 2;

/** How far back the daily job looks, so that days missed while the app was disabled are cleaned up too. */
const CLEANUP_WINDOW_DAYS = 30;

/**
 * The scheduler jobs of the app. They run in the server's job queue, which survives restarts. The Deno runtime calls
 * each processor with `this` bound to the app (wrapped to carry the job's logger), which is why these are functions.
 */
export function jobProcessors(): IProcessor[] {
    return [
        {
            id: RETRY_PROCESSOR_ID,
            processor: async function (this: AppContext, job, read, modify, http, persistence) {
                const externalId = typeof job.externalId === 'string' ? job.externalId : '';
                if (!externalId) {
                    this.getLogger().error('Alert retry job without an externalId; ignored.');

                    return;
                }
                await new AlertRaiser(this, read, modify, http, persistence).retry(externalId);
            },
        },
        {
            id: FORGET_NOTIFICATIONS_PROCESSOR_ID,
            startupSetting: { type: StartupType.RECURRING, interval: '1 day', skipImmediate: true },
            processor: async function (this: AppContext, job, read, modify, http, persistence) {
                const log = new NotificationLog(read.getPersistenceReader(), persistence);
                const today = Date.now();
                try {
                    for (
                        let age = NOTIFICATION_MEMORY_DAYS;
                        age < NOTIFICATION_MEMORY_DAYS + CLEANUP_WINDOW_DAYS;
                        age++
                    ) {
                        await log.forgetDay(new Date(today - age * 86_400_000).toISOString().slice(0, 10));
                    }
                } catch (error) {
                    this.getLogger().warn(
                        `Cleaning up old SIGNL4 notification ids failed: ${describeError(error, [])}`,
                    );
                }
            },
        },
    ];
}
