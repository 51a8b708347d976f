import type { TextKey } from './en';

/** What the bot says, in German. */
export const de: Record<TextKey, string> = {
    someone: 'ein SIGNL4-Benutzer',
    alertRaised: '🚨 SIGNL4-Alarm ausgelöst. Neuigkeiten folgen in diesem Thread.',
    alertRaisedFromCommand: '🚨 @{user} hat einen SIGNL4-Alarm ausgelöst: {text}',
    alertRetrying:
        '⏳ SIGNL4 ist gerade nicht erreichbar ({reason}). Der Alarm wird automatisch erneut gesendet, nächster Versuch in {wait}.',
    alertRetrySucceeded: '🚨 SIGNL4 hat den Alarm nach {attempts} Versuchen angenommen.',
    alertFailed:
        '❌ Der Alarm konnte nicht ausgelöst werden: SIGNL4 war nach {attempts} Versuchen nicht erreichbar ({reason}). ' +
        'Bitte erreichen Sie das Bereitschaftsteam auf anderem Weg.',
    alertRejected:
        '❌ SIGNL4 hat den Alarm abgelehnt ({reason}). Ein Admin muss die SIGNL4-Webhook-Einstellung der SIGNL4-App prüfen.',
    notConfigured:
        '⚠️ Kein Alarm ausgelöst: SIGNL4 ist noch nicht eingerichtet. Ein Admin muss das SIGNL4-Team-Secret in den ' +
        'App-Einstellungen eintragen.',
    webhookInvalid:
        '⚠️ Kein Alarm ausgelöst: Die SIGNL4-Webhook-Einstellung ist weder ein Team-Secret noch eine Webhook-URL. ' +
        'Ein Admin muss sie in den App-Einstellungen korrigieren.',
    acknowledged: '✅ Bestätigt von {user}',
    closed: '☑️ Geschlossen von {user}',
    annotated: '📝 {user}: {text}',
    escalated: '⏫ Eskaliert: Niemand hat diesen Alarm bisher bestätigt.',
    newAlert: '🆕 Neuer SIGNL4-Alarm: {title}',
    newAlertUntitled: '🆕 Neuer SIGNL4-Alarm',
    dutyStarted: '🕘 Eine SIGNL4-Dienstzeit hat begonnen{team}.',
    dutyEnded: '🕔 Eine SIGNL4-Dienstzeit ist zu Ende{team}.',
    punchedIn: '🟢 {user} hat sich zum Dienst angemeldet{team}.',
    punchedOut: '⚪ {user} hat sich vom Dienst abgemeldet{team}.',
    teamSuffix: ' für {team}',
    commandEmptyAlert: 'Bitte einen Text angeben: `/signl4 alert <Text>`.',
    commandAlertConfirmed: 'Ihr SIGNL4-Alarm ist unterwegs. Verfolgen Sie ihn im Thread der Alarmnachricht.',
    commandUnknown: '`{word}` ist kein /signl4-Befehl.',
    commandHelp: [
        '*SIGNL4-Befehle*',
        '`/signl4 <Text>`: löst aus diesem Raum einen SIGNL4-Alarm mit diesem Text aus',
        '`/signl4 alert <Text>`: dasselbe, auch für einen Text aus einem Wort',
        '`/signl4 alert`: ein Dialog für Titel, Text, Dienst und Szenario',
        '`/signl4 oncall`: wer im Dienst ist; `/signl4 duty on|off`: zum Dienst an- oder abmelden (braucht den API-Schlüssel)',
        '`/signl4 resolve`: im Thread eines Alarms, schließt den Alarm in SIGNL4',
        '`/signl4 status`: Prüfung der Einrichtung und die URL für SIGNL4 (nur Admins)',
        '`/signl4 help`: diese Hilfe',
        'Auch eine Nachricht mit einem Auslösewort ({words}) löst einen Alarm aus, in {rooms}.',
    ].join('\n'),
    helpAllRooms: 'jedem Raum',
    helpNoTriggerWords: 'keine festgelegt',
    statusAdminsOnly: 'Nur Administratoren können den SIGNL4-Status sehen.',
    statusTitle: '*Status der SIGNL4-App*',
    statusWebhookOk: '✅ SIGNL4-Webhook: eingetragen',
    statusWebhookMissing: '❌ SIGNL4-Webhook: fehlt. Tragen Sie das Team-Secret in den App-Einstellungen ein.',
    statusWebhookInvalid:
        '❌ SIGNL4-Webhook: weder Team-Secret noch Webhook-URL. Korrigieren Sie ihn in den App-Einstellungen.',
    statusReachable: '✅ SIGNL4 antwortet diesem Server (das Secret selbst prüft der erste Alarm)',
    statusUnreachable: '❌ SIGNL4 nicht erreichbar: {reason}',
    statusTriggers: 'Auslösewörter: {words}, in {rooms}',
    statusEventsRoomOk: '✅ Ereignisraum: #{room}',
    statusEventsRoomMissing:
        '❌ Der Ereignisraum #{room} existiert nicht. Alarme, die nicht im Chat begonnen haben, können nicht gepostet werden.',
    statusLastOutcome: 'Letzter Alarm: {outcome}',
    statusNoAlertYet: 'Letzter Alarm: noch keiner',
    statusEventsUrl:
        'Outbound-Webhook-URL für SIGNL4 (Teams > Integrations > Outbound Webhooks; geheim halten):\n{url}',
    statusEventsUrlMissing:
        '❌ Die Outbound-Webhook-URL ist noch nicht bereit: Setzen Sie die Site-URL dieses Workspaces und rufen Sie dies erneut auf.',
    outcomeRaised: 'ausgelöst {when}',
    outcomePending: 'wartet seit {when} auf einen neuen Versuch',
    outcomeFailed: 'fehlgeschlagen {when} ({reason})',
    cardNew: '🆕 Neu',
    cardAcknowledged: '✅ Bestätigt von {user}',
    cardClosed: '☑️ Geschlossen von {user}',
    cardService: 'Dienst: {service}',
    cardRaisedBy: 'ausgelöst von @{user} in #{room}',
    cardMessageLink: 'Nachricht',
    cardNoApiKey:
        'Hier erscheinen Schaltflächen, sobald ein Admin den SIGNL4-API-Schlüssel in den App-Einstellungen setzt.',
    cardButtonAcknowledge: 'Bestätigen',
    cardButtonClose: 'Schließen',
    cardButtonAddNote: 'Notiz hinzufügen',
    cardButtonOpen: 'In SIGNL4 öffnen',
    noteModalTitle: 'Notiz zum SIGNL4-Alarm hinzufügen',
    noteModalLabel: 'Notiz',
    noteModalSubmit: 'Notiz hinzufügen',
    cancel: 'Abbrechen',
    actionNotAllowed: 'SIGNL4 hat das nicht zugelassen: Der Alarm ist bereits {state}.',
    actionNotPermitted: 'Nur {roles} dürfen hier auf SIGNL4-Alarme reagieren.',
    actionAlertUnknown: 'SIGNL4 kennt diesen Alarm (noch) nicht. Bitte nutzen Sie die SIGNL4-App.',
    actionFailed: 'SIGNL4 hat das nicht angenommen ({reason}).',
    noteEmpty: 'Bitte schreiben Sie eine Notiz.',
    stateClosed: 'geschlossen',
    stateAcknowledged: 'bestätigt',
    raiseNotPermitted: 'Nur {roles} dürfen hier SIGNL4-Alarme auslösen.',
    resolveNoAlert: 'Verwenden Sie `/signl4 resolve` im Thread eines Alarms.',
    resolveAlreadyClosed: 'Dieser Alarm ist bereits geschlossen.',
    resolvedBy: '☑️ Aus dem Chat erledigt von @{user}',
    restNoApiKey:
        'Dafür braucht die App einen SIGNL4-API-Schlüssel. Ein Admin kann ihn in den App-Einstellungen eintragen ' +
        '(SIGNL4-API-Schlüssel).',
    restUnauthorized:
        'SIGNL4 hat den API-Schlüssel nicht angenommen. Ein Admin muss den SIGNL4-API-Schlüssel in den ' +
        'App-Einstellungen prüfen.',
    restUnavailable: 'SIGNL4 ist gerade nicht erreichbar. Bitte versuchen Sie es in ein paar Minuten noch einmal.',
    restRateLimited: 'SIGNL4 erhält gerade zu viele Anfragen. Bitte versuchen Sie es in einer Minute noch einmal.',
    restRejected: 'SIGNL4 hat die Anfrage abgelehnt ({reason}).',
    onCallTitle: '*Im Dienst bei SIGNL4*',
    onCallTeam: '• {team}: {people}',
    onCallNobody: 'niemand',
    onCallManager: '{name} (Manager)',
    onCallNoTeams: 'Der SIGNL4-API-Schlüssel sieht kein Team.',
    noVerifiedEmail:
        'Ihr Rocket.Chat-Konto hat keine bestätigte E-Mail-Adresse, deshalb findet die App Sie nicht in SIGNL4. ' +
        'Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse.',
    noSignl4User:
        'SIGNL4 kennt keinen Benutzer mit Ihrer E-Mail-Adresse {email}. Bitten Sie einen SIGNL4-Admin, Sie einzuladen.',
    dutyNoTeams: 'Sie sind in keinem SIGNL4-Team.',
    dutyOn: '🟢 Sie sind jetzt bei SIGNL4 im Dienst.',
    dutyOff: '⚪ Sie sind jetzt bei SIGNL4 außer Dienst.',
    raiseDialogTitle: 'SIGNL4-Alarm auslösen',
    raiseDialogTitleLabel: 'Titel (optional)',
    raiseDialogTextLabel: 'Was ist los?',
    raiseDialogServiceLabel: 'Dienst / Kategorie (optional)',
    raiseDialogScenarioLabel: 'Alarmierungsszenario',
    raiseDialogSubmit: 'Alarm auslösen',
    raiseDialogNoText: 'Bitte beschreiben Sie, was los ist.',
    dutyUsage: 'Verwenden Sie `/signl4 duty on` oder `/signl4 duty off`.',
    cardEscalated: '⏫ Eskaliert',
    statusApiKeyMissing:
        'API-Schlüssel: nicht gesetzt, daher keine Schaltflächen auf Karten und kein /signl4 oncall und duty',
    statusApiKeyOk: '✅ API-Schlüssel von SIGNL4 angenommen (er sieht {teams} Team(s))',
    statusApiKeyRefused:
        '❌ SIGNL4 lehnt den API-Schlüssel ab: Legen Sie im SIGNL4-Portal einen neuen an (Integrations > API Keys)',
    statusApiKeyUnchecked: '❌ API-Schlüssel nicht geprüft: {reason}',
    alertSending: '⏳ Der Alarm wird an SIGNL4 gesendet…',
    alertNotRaised: '❌ Es wurde kein SIGNL4-Alarm ausgelöst; der Grund folgt in diesem Thread.',
    cardSending: '⏳ Wird an SIGNL4 gesendet',
    cardFailed: '❌ Nicht in SIGNL4 ausgelöst',
    scenarioTeamDefault: 'Standard des Teams',
};
