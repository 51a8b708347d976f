import { RequestMethod } from '@rocket.chat/apps-engine/definition/accessors';

import { classifyResponse, retryAfterMs } from '../../src/signl4/deliveryOutcome';

const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);

function response(statusCode: number, headers: Record<string, string> = {}, content = '') {
    return { url: 'u', method: RequestMethod.POST, statusCode, headers, content };
}

describe('classifyResponse', () => {
    it('accepts any 2xx and reads the eventId from the body', () => {
        expect(classifyResponse(response(201, {}, '{"eventId":"e-1"}'), NOW)).toEqual({
            kind: 'accepted',
            eventId: 'e-1',
        });
        expect(classifyResponse(response(204), NOW)).toEqual({ kind: 'accepted', eventId: undefined });
    });

    it('retries throttling and server errors, honouring Retry-After', () => {
        expect(classifyResponse(response(429, { 'Retry-After': '30' }), NOW)).toEqual({
            kind: 'retryable',
            reason: 'HTTP 429',
            retryAfterMs: 30_000,
        });
        expect(classifyResponse(response(503), NOW)).toMatchObject({ kind: 'retryable', reason: 'HTTP 503' });
    });

    it('does not retry other client errors such as an unknown secret', () => {
        expect(classifyResponse(response(404), NOW)).toEqual({ kind: 'rejected', status: 404, reason: 'HTTP 404' });
        expect(classifyResponse(response(400), NOW)).toMatchObject({ kind: 'rejected' });
    });

    it('retries when the bridge gave no response at all', () => {
        expect(classifyResponse(undefined, NOW)).toMatchObject({ kind: 'retryable' });
    });
});

describe('retryAfterMs', () => {
    it('reads seconds, HTTP dates and X-RateLimit-Reset in any header case', () => {
        expect(retryAfterMs({ 'retry-after': '5' }, NOW)).toBe(5000);
        expect(retryAfterMs({ 'Retry-After': new Date(NOW + 90_000).toUTCString() }, NOW)).toBe(90_000);
        expect(retryAfterMs({ 'x-ratelimit-reset': String(NOW / 1000 + 15) }, NOW)).toBe(15_000);
        expect(retryAfterMs({}, NOW)).toBeUndefined();
        expect(retryAfterMs({ 'Retry-After': 'soon' }, NOW)).toBeUndefined();
    });
});
