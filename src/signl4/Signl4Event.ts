/** Event types of SIGNL4's outbound webhook that the app understands. */
export enum EventType {
    AlertCreated = 200,
    AlertStatusChanged = 201,
    AlertEscalated = 202,
    AlertAnnotated = 203,
    DutyStarted = 300,
    DutyEnded = 301,
    PunchedIn = 302,
    PunchedOut = 303,
}

/** `alert.statusCode` is a bit field; these are the states a 201 event reports. */
export enum AlertStatusCode {
    Acknowledged = 2,
    Closed = 4,
}

export interface Signl4User {
    readonly id?: string;
    readonly name?: string;
}

export interface Signl4AlertRef {
    readonly id?: string;
    readonly eventId?: string;
    readonly externalEventId?: string;
    readonly statusCode?: number;
    readonly title?: string;
    readonly text?: string;
}

/** One notification from SIGNL4, reduced to the fields the app uses. */
export interface Signl4Event {
    /** Unique per notification; SIGNL4 may deliver the same one twice. */
    readonly id: string;
    readonly eventType: number;
    readonly alert?: Signl4AlertRef;
    readonly user?: Signl4User;
    readonly teamName?: string;
    readonly annotation?: string;
}

export type ParsedEvent = { readonly event: Signl4Event } | { readonly error: string };

const ALERT_EVENTS = new Set<number>([
    EventType.AlertCreated,
    EventType.AlertStatusChanged,
    EventType.AlertEscalated,
    EventType.AlertAnnotated,
]);

/**
 * Validates a webhook body. Field names are read case-insensitively because older SIGNL4 payloads spell some of them
 * differently (`userName`, `mailAddress`). The error is a short reason safe to return to the caller.
 */
export function parseSignl4Event(body: unknown): ParsedEvent {
    const root = asRecord(typeof body === 'string' ? parseJson(body) : body);
    if (!root) {
        return { error: 'body must be a JSON object' };
    }

    const id = str(root, 'id');
    const eventType = Number(field(root, 'eventType'));
    if (!id) {
        return { error: 'missing notification id' };
    }
    if (field(root, 'eventType') === undefined || field(root, 'eventType') === '' || !Number.isInteger(eventType)) {
        return { error: 'eventType must be an integer' };
    }

    const alert = asRecord(field(root, 'alert'));
    if (
        ALERT_EVENTS.has(eventType) &&
        !(alert && (str(alert, 'id') || str(alert, 'eventId') || str(alert, 'externalEventId')))
    ) {
        return { error: 'alert event without alert id' };
    }
    const statusCode = alert ? Number(field(alert, 'statusCode')) : NaN;
    if (eventType === EventType.AlertStatusChanged && !Number.isInteger(statusCode)) {
        return { error: 'status event without alert.statusCode' };
    }
    const annotation = str(asRecord(field(root, 'annotation')) ?? {}, 'message');
    if (eventType === EventType.AlertAnnotated && !annotation) {
        return { error: 'annotation event without annotation.message' };
    }

    return {
        event: {
            id,
            eventType,
            alert: alert ? alertRef(alert, statusCode) : undefined,
            user: user(asRecord(field(root, 'user'))),
            teamName: str(asRecord(field(root, 'team')) ?? {}, 'teamname', 'name'),
            annotation,
        },
    };
}

function alertRef(alert: Record<string, unknown>, statusCode: number): Signl4AlertRef {
    return {
        id: str(alert, 'id'),
        eventId: str(alert, 'eventId'),
        externalEventId: str(alert, 'externalEventId'),
        statusCode: Number.isInteger(statusCode) ? statusCode : undefined,
        title: str(alert, 'title'),
        text: str(alert, 'text'),
    };
}

function user(record: Record<string, unknown> | undefined): Signl4User | undefined {
    if (!record) {
        return undefined;
    }

    return { id: str(record, 'id'), name: str(record, 'displayname', 'username', 'mailaddress') };
}

function field(record: Record<string, unknown>, name: string): unknown {
    const wanted = name.toLowerCase();
    const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === wanted);

    return key === undefined ? undefined : record[key];
}

function str(record: Record<string, unknown>, ...names: string[]): string | undefined {
    for (const name of names) {
        const value = field(record, name);
        if ((typeof value === 'string' && value.trim()) || typeof value === 'number') {
            return String(value).trim();
        }
    }

    return undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined;
}

function parseJson(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
}
