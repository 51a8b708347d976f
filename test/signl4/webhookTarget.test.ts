import { parseWebhookSetting, SIGNL4_WEBHOOK_BASE } from '../../src/signl4/webhookTarget';

describe('parseWebhookSetting', () => {
    it('turns a bare team secret into the SIGNL4 webhook URL', () => {
        expect(parseWebhookSetting(' abc123XYZ ')).toEqual({
            url: `${SIGNL4_WEBHOOK_BASE}abc123XYZ`,
            secret: 'abc123XYZ',
        });
    });

    it('accepts a full webhook URL and knows its secret part', () => {
        expect(parseWebhookSetting('https://connect.signl4.com/webhook/s3cr3t')).toEqual({
            url: 'https://connect.signl4.com/webhook/s3cr3t',
            secret: 's3cr3t',
        });
    });

    it('reports missing and malformed values', () => {
        expect(parseWebhookSetting('')).toBe('missing');
        expect(parseWebhookSetting(undefined)).toBe('missing');
        expect(parseWebhookSetting('not a secret')).toBe('invalid');
        expect(parseWebhookSetting('ftp://connect.signl4.com/webhook/abcd')).toBe('invalid');
        expect(parseWebhookSetting('https://connect.signl4.com/')).toBe('invalid');
    });
});
