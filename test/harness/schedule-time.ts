// Turns the `when` of IOnetimeSchedule and the `interval` of IRecurringSchedule into times, the way the server's
// scheduler (Agenda, with human-interval) reads them: a Date, an ISO date string, a number of milliseconds, or
// English such as "30 seconds", "in 5 minutes", "1 hour and 30 minutes". Cron expressions are not supported:
// the test host rejects them loudly rather than guessing a time.

const UNIT_MS: Record<string, number> = {
    millisecond: 1,
    second: 1000,
    minute: 60 * 1000,
    hour: 60 * 60 * 1000,
    day: 24 * 60 * 60 * 1000,
    week: 7 * 24 * 60 * 60 * 1000,
    month: 30 * 24 * 60 * 60 * 1000,
    year: 365 * 24 * 60 * 60 * 1000,
};

export function parseInterval(interval: string | number): number {
    if (typeof interval === 'number') {
        return interval;
    }

    const text = interval
        .trim()
        .toLowerCase()
        .replace(/^in\s+/, '');
    if (/^\d+(\.\d+)?$/.test(text)) {
        return Number(text);
    }

    const parts = [
        ...text.matchAll(/(\d+(?:\.\d+)?|an?|one)\s*(millisecond|second|minute|hour|day|week|month|year)s?/g),
    ];
    const leftover = text
        .replace(/(\d+(?:\.\d+)?|an?|one)\s*(millisecond|second|minute|hour|day|week|month|year)s?/g, '')
        .replace(/\band\b|,/g, '')
        .trim();
    if (parts.length === 0 || leftover !== '') {
        throw new Error(`The test host cannot read the schedule "${interval}" (cron is not supported)`);
    }

    return parts.reduce((total, [, amount, unit]) => {
        const count = /^(an?|one)$/.test(amount) ? 1 : Number(amount);

        return total + count * UNIT_MS[unit];
    }, 0);
}

export function parseWhen(when: string | Date, now: Date): Date {
    if (when instanceof Date) {
        return new Date(when.getTime());
    }

    if (/^\d{4}-\d{2}-\d{2}/.test(when)) {
        return new Date(when);
    }

    return new Date(now.getTime() + parseInterval(when));
}
