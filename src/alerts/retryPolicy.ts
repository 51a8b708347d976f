/** First try plus five retries, spread over about fifty minutes, long enough to ride out a SIGNL4 or network outage. */
export const MAX_ATTEMPTS = 6;

const BACKOFF_MS = [15_000, 60_000, 5 * 60_000, 15 * 60_000, 30 * 60_000];

/** A `Retry-After` beyond this is not believed: an alert that waits longer than an hour has lost its point. */
const MAX_WAIT_MS = 60 * 60_000;

/** A wait as people read it in chat: `15 s`, `5 min`. The units read the same in English and German. */
export function formatWait(ms: number): string {
    const seconds = Math.ceil(ms / 1000);

    return seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

/**
 * How long to wait after `attemptsMade` failed attempts, or undefined when it is time to give up. SIGNL4's own wait
 * (`Retry-After`, `X-RateLimit-Reset`) is honoured: the app never retries earlier than asked.
 */
export function nextRetryDelayMs(attemptsMade: number, retryAfterMs?: number): number | undefined {
    if (attemptsMade >= MAX_ATTEMPTS) {
        return undefined;
    }
    const backoff = BACKOFF_MS[Math.min(Math.max(attemptsMade, 1), BACKOFF_MS.length) - 1];

    return Math.min(MAX_WAIT_MS, Math.max(backoff, retryAfterMs ?? 0));
}
