/** Where SIGNL4's inbound webhook lives; a bare team or integration secret is appended to it. */
export const SIGNL4_WEBHOOK_BASE = 'https://connect.signl4.com/webhook/';

const SECRET_PATTERN = /^[A-Za-z0-9_-]{4,200}$/;

/** The parsed `signl4_webhook` setting: the URL the app posts alerts to, and the part of it that is secret. */
export interface WebhookTarget {
    readonly url: string;
    readonly secret: string;
}

export type WebhookSettingProblem = 'missing' | 'invalid';

/**
 * Accepts either a SIGNL4 secret or a full webhook URL (SIGNL4 shows both to admins). The whole URL is treated as a
 * password, because its last path segment is the credential.
 */
export function parseWebhookSetting(raw: unknown): WebhookTarget | WebhookSettingProblem {
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (!value) {
        return 'missing';
    }

    if (SECRET_PATTERN.test(value)) {
        return { url: SIGNL4_WEBHOOK_BASE + value, secret: value };
    }

    let url: URL;
    try {
        url = new URL(value);
    } catch {
        return 'invalid';
    }
    const secret = url.pathname.split('/').filter(Boolean).pop() ?? '';
    if (!/^https?:$/.test(url.protocol) || !SECRET_PATTERN.test(secret)) {
        return 'invalid';
    }

    return { url: url.toString(), secret };
}
