/** What the app tells SIGNL4 about one alert, independent of how it is sent. */
export interface AlertRequest {
    readonly externalId: string;
    readonly title: string;
    readonly text: string;
    readonly username: string;
    readonly roomName: string;
    readonly messageUrl?: string;
    readonly service?: string;
    readonly alertingScenario?: string;
    readonly filtering: boolean;
}

export const SOURCE_SYSTEM = 'RocketChat';

/** The inbound webhook's JSON body. Non-reserved fields become alert parameters in SIGNL4's app. */
export function webhookBody(alert: AlertRequest): Record<string, string> {
    const body: Record<string, string> = {
        'Title': alert.title,
        'Message': alert.text,
        'User': alert.username,
        'Room': alert.roomName,
        'X-S4-ExternalID': alert.externalId,
        'X-S4-Status': 'new',
        'X-S4-SourceSystem': SOURCE_SYSTEM,
        'X-S4-Filtering': String(alert.filtering),
    };
    if (alert.messageUrl) {
        body.Link = alert.messageUrl;
    }
    if (alert.service) {
        body['X-S4-Service'] = alert.service;
    }
    if (alert.alertingScenario) {
        body['X-S4-AlertingScenario'] = alert.alertingScenario;
    }

    return body;
}

/** Resolves, through the webhook, the alert raised with this ExternalID; works without an API key. */
export function resolveBody(externalId: string): Record<string, string> {
    return { 'X-S4-ExternalID': externalId, 'X-S4-Status': 'resolved', 'X-S4-SourceSystem': SOURCE_SYSTEM };
}

/** Fills `{user}`, `{room}` and `{text}` in the admin's title template; unknown placeholders stay as typed. */
export function renderTitle(template: string, values: { user: string; room: string; text: string }): string {
    const title = template.replace(/\{(user|room|text)\}/g, (_, key: keyof typeof values) => values[key]);

    return (title.trim() || values.text).slice(0, 200);
}
