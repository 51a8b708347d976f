import { ISetting, SettingType } from '@rocket.chat/apps-engine/definition/settings';

import { SettingId } from './SettingId';

/** Where "Open in SIGNL4" leads by default. SIGNL4 documents no deep link to one alert, so this is the portal. */
export const SIGNL4_PORTAL = 'https://connect.signl4.com';

/** The value SIGNL4 uses when no scenario is sent: the team's own default. */
export const TEAM_DEFAULT_SCENARIO = 'team_default';

function setting(id: SettingId, type: SettingType, packageValue: unknown, extra: Partial<ISetting> = {}): ISetting {
    return {
        id,
        type,
        packageValue,
        required: false,
        public: false,
        i18nLabel: id,
        i18nDescription: `${id}_description`,
        ...extra,
    };
}

/** Every setting on the app's admin page, in the order an admin fills them in. */
export const SETTINGS: ReadonlyArray<ISetting> = [
    setting(SettingId.Webhook, SettingType.PASSWORD, '', { required: true }),
    setting(SettingId.TriggerWords, SettingType.STRING, 'SIGNL4'),
    setting(SettingId.TriggerRooms, SettingType.STRING, ''),
    setting(SettingId.EventsRoom, SettingType.STRING, 'general'),
    setting(SettingId.EventsUrl, SettingType.STRING, '', { i18nAlert: `${SettingId.EventsUrl}_alert` }),
    setting(SettingId.AlertTitle, SettingType.STRING, '{user} in #{room}: {text}'),
    setting(SettingId.Service, SettingType.STRING, ''),
    setting(SettingId.AlertingScenario, SettingType.SELECT, TEAM_DEFAULT_SCENARIO, {
        values: [TEAM_DEFAULT_SCENARIO, 'single_ack', 'multi_ack', 'emergency'].map((key) => ({
            key,
            i18nLabel: `${SettingId.AlertingScenario}_${key}`,
        })),
    }),
    setting(SettingId.Filtering, SettingType.BOOLEAN, false),
    setting(SettingId.PostNewAlerts, SettingType.BOOLEAN, true),
    setting(SettingId.PostEscalations, SettingType.BOOLEAN, true),
    setting(SettingId.PostDutyEvents, SettingType.BOOLEAN, false),
    setting(SettingId.BotAlias, SettingType.STRING, 'SIGNL4'),
    setting(SettingId.BotAvatarUrl, SettingType.STRING, ''),
    setting(SettingId.ApiKey, SettingType.PASSWORD, ''),
    setting(SettingId.AlertLink, SettingType.STRING, SIGNL4_PORTAL),
    setting(SettingId.RaiseRoles, SettingType.STRING, ''),
    setting(SettingId.ActRoles, SettingType.STRING, ''),
];
