import { describeError, redact } from '../../src/security/redact';
import { generateEndpointToken, tokenMatches } from '../../src/security/endpointToken';

describe('redact', () => {
    it('masks every occurrence of every secret, longest first', () => {
        const url = 'https://connect.signl4.com/webhook/s3cr3t';

        expect(redact(`POST ${url} failed; s3cr3t`, [url, 's3cr3t'])).toBe('POST *** failed; ***');
    });

    it('ignores empty and very short secrets instead of masking every letter', () => {
        expect(redact('abc', ['', undefined, 'a'])).toBe('abc');
    });

    it('describes thrown values without secrets', () => {
        expect(describeError(new Error('connect to /webhook/s3cr3t refused'), ['s3cr3t'])).toBe(
            'connect to /webhook/*** refused',
        );
        expect(describeError('plain', [])).toBe('plain');
    });
});

describe('endpoint token', () => {
    it('is long, random and compared exactly', () => {
        const token = generateEndpointToken();

        expect(token).toMatch(/^[0-9a-f]{48}$/);
        expect(generateEndpointToken()).not.toBe(token);
        expect(tokenMatches(token, token)).toBe(true);
        expect(tokenMatches(token, token.toUpperCase())).toBe(false);
        expect(tokenMatches(token, token.slice(1))).toBe(false);
        expect(tokenMatches(undefined, '')).toBe(false);
        expect(tokenMatches(token, undefined)).toBe(false);
    });
});
