import { IHttp } from '@rocket.chat/apps-engine/definition/accessors';

import { describeError } from '../security/redact';
import { AlertRequest, resolveBody, webhookBody } from './AlertRequest';
import { classifyResponse, DeliveryOutcome } from './deliveryOutcome';
import { WebhookTarget } from './webhookTarget';

/**
 * Short enough that a slow SIGNL4 never holds a handler near the engine's 30 s request limit; a timed-out attempt is
 * retried by the scheduler instead.
 */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** Posts alerts to SIGNL4's inbound webhook through the app's HTTP accessor. */
export class WebhookClient {
    constructor(
        private readonly http: IHttp,
        private readonly target: WebhookTarget,
    ) {}

    public async raise(alert: AlertRequest): Promise<DeliveryOutcome> {
        return this.send(webhookBody(alert));
    }

    public async resolve(externalId: string): Promise<DeliveryOutcome> {
        return this.send(resolveBody(externalId));
    }

    private async send(body: Record<string, string>): Promise<DeliveryOutcome> {
        try {
            const response = await this.http.post(this.target.url, {
                headers: { 'Content-Type': 'application/json' },
                content: JSON.stringify(body),
                timeout: WEBHOOK_TIMEOUT_MS,
            });

            return classifyResponse(response, Date.now());
        } catch (error) {
            const detail = describeError(error, [this.target.url, this.target.secret]);
            const reason = /time ?out|timed out/i.test(detail) ? 'no answer in time' : 'connection failed';

            return { kind: 'retryable', reason, detail };
        }
    }
}
