import { IHttpResponse } from '@rocket.chat/apps-engine/definition/accessors';

/**
 * How one attempt to hand an alert to SIGNL4 ended, in the terms the retry logic needs. `reason` is short and goes to
 * chat; `detail` (already free of secrets) only to the log.
 */
export type DeliveryOutcome =
    | { readonly kind: 'accepted'; readonly eventId?: string }
    | { readonly kind: 'retryable'; readonly reason: string; readonly retryAfterMs?: number; readonly detail?: string }
    | { readonly kind: 'rejected'; readonly status: number; readonly reason: string };

/** Classifies SIGNL4's answer: throttling and server errors are worth another try, other 4xx are the admin's to fix. */
export function classifyResponse(response: IHttpResponse | undefined, now: number): DeliveryOutcome {
    const status = response?.statusCode;
    if (!response || typeof status !== 'number') {
        return { kind: 'retryable', reason: 'no HTTP response' };
    }
    if (status >= 200 && status < 300) {
        return { kind: 'accepted', eventId: eventIdOf(response) };
    }
    if (status === 429 || status >= 500 || status === 408) {
        return { kind: 'retryable', reason: `HTTP ${status}`, retryAfterMs: retryAfterMs(response.headers ?? {}, now) };
    }

    return { kind: 'rejected', status, reason: `HTTP ${status}` };
}

function eventIdOf(response: IHttpResponse): string | undefined {
    let body: unknown = response.data;
    if (body === undefined && response.content) {
        try {
            body = JSON.parse(response.content);
        } catch {
            return undefined;
        }
    }
    const eventId = (body as { eventId?: unknown } | null)?.eventId;

    return typeof eventId === 'string' && eventId ? eventId : undefined;
}

/**
 * How long SIGNL4 asked us to wait, from `Retry-After` (seconds or an HTTP date) or `X-RateLimit-Reset` (Unix time in
 * seconds). Header names arrive in any case.
 */
export function retryAfterMs(headers: Record<string, string>, now: number): number | undefined {
    const header = (name: string): string | undefined => {
        const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);

        return key === undefined ? undefined : String(headers[key]).trim();
    };

    const retryAfter = header('retry-after');
    if (retryAfter) {
        const seconds = Number(retryAfter);
        const until = Number.isFinite(seconds) ? now + seconds * 1000 : Date.parse(retryAfter);
        if (Number.isFinite(until)) {
            return Math.max(0, until - now);
        }
    }

    const reset = Number(header('x-ratelimit-reset'));
    if (Number.isFinite(reset) && reset > 0) {
        return Math.max(0, reset * 1000 - now);
    }

    return undefined;
}
