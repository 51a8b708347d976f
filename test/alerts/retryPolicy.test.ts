import { formatWait, MAX_ATTEMPTS, nextRetryDelayMs } from '../../src/alerts/retryPolicy';

describe('nextRetryDelayMs', () => {
    it('backs off with every failed attempt', () => {
        const delays = [1, 2, 3, 4, 5].map((attempts) => nextRetryDelayMs(attempts));

        expect(delays).toEqual([15_000, 60_000, 300_000, 900_000, 1_800_000]);
    });

    it('never retries earlier than SIGNL4 asked, and never waits more than an hour', () => {
        expect(nextRetryDelayMs(1, 120_000)).toBe(120_000);
        expect(nextRetryDelayMs(1, 5_000)).toBe(15_000);
        expect(nextRetryDelayMs(1, 10 * 3_600_000)).toBe(3_600_000);
    });

    it('gives up after the last attempt', () => {
        expect(nextRetryDelayMs(MAX_ATTEMPTS)).toBeUndefined();
    });
});

describe('formatWait', () => {
    it('reads in seconds below two minutes and in minutes above', () => {
        expect([14_200, 119_000, 300_000, 1_800_000].map(formatWait)).toEqual(['15 s', '119 s', '5 min', '30 min']);
    });
});
