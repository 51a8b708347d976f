/**
 * Ids of the app's settings. They are a public contract (documented in the README): admins and scripts refer to them,
 * so never rename one. Each id is also the i18n key of its label; `<id>_description` is the key of its description.
 */
export enum SettingId {
    Webhook = 'signl4_webhook',
    TriggerWords = 'trigger_words',
    TriggerRooms = 'trigger_rooms',
    EventsRoom = 'events_room',
    ApiKey = 'signl4_api_key',
    EventsUrl = 'signl4_events_url',
    AlertTitle = 'alert_title',
    Service = 'signl4_service',
    AlertingScenario = 'alerting_scenario',
    Filtering = 'signl4_filtering',
    PostNewAlerts = 'post_new_alerts',
    PostEscalations = 'post_escalations',
    PostDutyEvents = 'post_duty_events',
    BotAlias = 'bot_alias',
    BotAvatarUrl = 'bot_avatar_url',
    AlertLink = 'signl4_alert_link',
    RaiseRoles = 'raise_roles',
    ActRoles = 'act_roles',
}
