/** What the bot says, in English. Every other language must have the same keys (checked by the type in texts.ts). */
export const en = {
    someone: 'a SIGNL4 user',
    alertRaised: '🚨 SIGNL4 alert raised. Updates will follow in this thread.',
    alertRaisedFromCommand: '🚨 @{user} raised a SIGNL4 alert: {text}',
    alertRetrying:
        '⏳ SIGNL4 is not reachable right now ({reason}). The alert will be retried automatically, next in {wait}.',
    alertRetrySucceeded: '🚨 SIGNL4 alert raised after {attempts} attempts. Updates will follow in this thread.',
    alertFailed:
        '❌ The alert could not be raised: SIGNL4 was not reachable after {attempts} attempts ({reason}). ' +
        'Please reach the on-call team another way.',
    alertRejected:
        '❌ SIGNL4 rejected the alert ({reason}). An admin must check the SIGNL4 webhook setting of the SIGNL4 app.',
    notConfigured:
        '⚠️ No alert was raised: SIGNL4 is not set up yet. An admin must enter the SIGNL4 team secret in the app settings.',
    webhookInvalid:
        '⚠️ No alert was raised: the SIGNL4 webhook setting is neither a team secret nor a webhook URL. ' +
        'An admin must correct it in the app settings.',
    acknowledged: '✅ Acknowledged by {user}',
    closed: '☑️ Closed by {user}',
    annotated: '📝 {user}: {text}',
    escalated: '⏫ Escalated: nobody has acknowledged this alert yet.',
    newAlert: '🆕 New SIGNL4 alert: {title}',
    newAlertUntitled: '🆕 New SIGNL4 alert',
    dutyStarted: '🕘 A SIGNL4 duty period started{team}.',
    dutyEnded: '🕔 A SIGNL4 duty period ended{team}.',
    punchedIn: '🟢 {user} punched in{team}.',
    punchedOut: '⚪ {user} punched out{team}.',
    teamSuffix: ' for {team}',
    commandEmptyAlert: 'Please add a text: `/signl4 alert <text>`.',
    commandAlertConfirmed: 'Your SIGNL4 alert is on its way. Follow it in the thread of the alert message.',
    commandUnknown: '`{word}` is not a /signl4 command.',
    commandHelp: [
        '*SIGNL4 commands*',
        '`/signl4 <text>`: raise a SIGNL4 alert with this text from this room',
        '`/signl4 alert <text>`: the same, also for a one-word text',
        '`/signl4 status`: setup check and the URL for SIGNL4 (admins only)',
        '`/signl4 help`: this help',
        'A message with a trigger word ({words}) raises an alert too, in {rooms}.',
    ].join('\n'),
    helpAllRooms: 'every room',
    helpNoTriggerWords: 'none set',
    statusAdminsOnly: 'Only administrators can see the SIGNL4 status.',
    statusTitle: '*SIGNL4 app status*',
    statusWebhookOk: '✅ SIGNL4 webhook: set',
    statusWebhookMissing: '❌ SIGNL4 webhook: not set. Enter the team secret in the app settings.',
    statusWebhookInvalid: '❌ SIGNL4 webhook: not a team secret or webhook URL. Correct it in the app settings.',
    statusReachable: '✅ SIGNL4 answers from this server (the secret itself is checked by the first alert)',
    statusUnreachable: '❌ SIGNL4 not reachable: {reason}',
    statusTriggers: 'Trigger words: {words}, in {rooms}',
    statusEventsRoomOk: '✅ Events room: #{room}',
    statusEventsRoomMissing:
        '❌ Events room #{room} does not exist. Alerts that did not start in chat cannot be posted.',
    statusLastOutcome: 'Last alert: {outcome}',
    statusNoAlertYet: 'Last alert: none yet',
    statusEventsUrl:
        'Outbound webhook URL for SIGNL4 (Teams > Integrations > Outbound webhooks; keep it secret):\n{url}',
    statusEventsUrlMissing:
        '❌ The outbound webhook URL is not ready: set the Site URL of this workspace and run this again.',
    outcomeRaised: 'raised {when}',
    outcomePending: 'waiting for a retry since {when}',
    outcomeFailed: 'failed {when} ({reason})',
};

export type TextKey = keyof typeof en;
