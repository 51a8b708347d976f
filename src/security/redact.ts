const MASK = '***';

/**
 * Removes every secret from a text before it reaches a log line, a chat message or an error answer. Errors thrown by
 * the HTTP bridge may quote the request URL, and SIGNL4's webhook URL contains the team secret.
 */
export function redact(text: string, secrets: ReadonlyArray<string | undefined>): string {
    return secrets
        .filter((secret): secret is string => typeof secret === 'string' && secret.length >= 4)
        .sort((a, b) => b.length - a.length)
        .reduce((result, secret) => result.split(secret).join(MASK), text);
}

/** The message of anything thrown, without secrets and cut to a length that fits one log line. */
export function describeError(error: unknown, secrets: ReadonlyArray<string | undefined>): string {
    const message = error instanceof Error ? error.message : String(error);

    return redact(message, secrets).slice(0, 300);
}
