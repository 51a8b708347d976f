import { parseWebhookSetting, WebhookSettingProblem, WebhookTarget } from '../signl4/webhookTarget';
import { SIGNL4_PORTAL, TEAM_DEFAULT_SCENARIO } from './settings';
import { SettingId } from './SettingId';

export type SettingValues = Partial<Record<SettingId, unknown>>;

/** The app's settings, parsed once per change so that the per-message hot path only reads fields. */
export interface AppConfig {
    readonly webhook: WebhookTarget | WebhookSettingProblem;
    readonly triggerWords: ReadonlyArray<string>;
    /** Matches any trigger word; undefined when there are none, so that no message raises an alert. */
    readonly triggerPattern: RegExp | undefined;
    /** Lower-case room names without `#`; empty means every room. */
    readonly triggerRooms: ReadonlySet<string>;
    readonly eventsRoom: string;
    readonly apiKey: string;
    readonly eventsUrl: string;
    readonly alertTitle: string;
    readonly service: string;
    readonly alertingScenario: string | undefined;
    readonly filtering: boolean;
    readonly postNewAlerts: boolean;
    readonly postEscalations: boolean;
    readonly postDutyEvents: boolean;
    readonly botAlias: string;
    readonly botAvatarUrl: string;
    readonly alertLink: string;
    /** Rocket.Chat roles allowed to raise alerts from chat; empty means every member of the room. */
    readonly raiseRoles: ReadonlyArray<string>;
    /** Roles allowed to press the card's buttons; empty means every user linked to SIGNL4. */
    readonly actRoles: ReadonlyArray<string>;
}

/** Whether a user with these roles passes a role list from the settings; an empty list lets everyone pass. */
export function hasAllowedRole(userRoles: ReadonlyArray<string> | undefined, allowed: ReadonlyArray<string>): boolean {
    return allowed.length === 0 || (userRoles ?? []).some((role) => allowed.includes(role));
}

export function parseConfig(values: SettingValues): AppConfig {
    const scenario = text(values[SettingId.AlertingScenario]);
    const triggerWords = list(values[SettingId.TriggerWords]);

    return {
        webhook: parseWebhookSetting(values[SettingId.Webhook]),
        triggerWords,
        triggerPattern: triggerPattern(triggerWords),
        triggerRooms: new Set(list(values[SettingId.TriggerRooms]).map(roomKey)),
        eventsRoom: roomKey(text(values[SettingId.EventsRoom])),
        apiKey: text(values[SettingId.ApiKey]),
        eventsUrl: text(values[SettingId.EventsUrl]),
        alertTitle: text(values[SettingId.AlertTitle]),
        service: text(values[SettingId.Service]),
        alertingScenario: scenario && scenario !== TEAM_DEFAULT_SCENARIO ? scenario : undefined,
        filtering: values[SettingId.Filtering] === true,
        postNewAlerts: values[SettingId.PostNewAlerts] !== false,
        postEscalations: values[SettingId.PostEscalations] !== false,
        postDutyEvents: values[SettingId.PostDutyEvents] === true,
        botAlias: text(values[SettingId.BotAlias]),
        botAvatarUrl: text(values[SettingId.BotAvatarUrl]),
        alertLink: text(values[SettingId.AlertLink]) || SIGNL4_PORTAL,
        raiseRoles: list(values[SettingId.RaiseRoles]),
        actRoles: list(values[SettingId.ActRoles]),
    };
}

/** Room names are compared without a leading `#` and case-insensitively, as people type them. */
export function roomKey(name: string): string {
    return name.trim().replace(/^#/, '').toLowerCase();
}

/**
 * Matches any trigger word as a whole word, case-insensitively, anywhere in a text. Word edges are letters, digits and
 * underscores in any script, so `SIGNL4` matches in "SIGNL4: disk full" but not in "SIGNL4X".
 */
function triggerPattern(words: ReadonlyArray<string>): RegExp | undefined {
    if (words.length === 0) {
        return undefined;
    }
    const alternatives = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

    return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives})(?![\\p{L}\\p{N}_])`, 'iu');
}

function text(value: unknown): string {
    return typeof value === 'string' ? value.trim() : '';
}

function list(value: unknown): string[] {
    return text(value)
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
}
