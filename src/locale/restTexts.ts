import type { Language } from './texts';

/**
 * Texts of the REST API features (on-call report, duty changes), kept apart from en.ts/de.ts until they are merged
 * into the main catalog. Same `{placeholder}` syntax.
 */
export const en = {
    restNoApiKey: 'This needs a SIGNL4 API key. An admin can enter one in the app settings (SIGNL4 API key).',
    restUnauthorized: 'SIGNL4 did not accept the API key. An admin must check the SIGNL4 API key in the app settings.',
    restUnavailable: 'SIGNL4 is not reachable right now. Please try again in a few minutes.',
    restRateLimited: 'SIGNL4 is receiving too many requests right now. Please try again in a minute.',
    restRejected: 'SIGNL4 refused the request ({reason}).',
    onCallTitle: '*On duty in SIGNL4*',
    onCallTeam: '• {team}: {people}',
    onCallNobody: 'nobody',
    onCallManager: '{name} (manager)',
    onCallNoTeams: 'The SIGNL4 API key does not see any team.',
    dutyNoVerifiedEmail:
        'Your Rocket.Chat account has no verified e-mail address, so the app cannot find you in SIGNL4. ' +
        'Please verify your e-mail address first.',
    dutyNoSignl4User: 'SIGNL4 has no user with your e-mail address {email}. Ask a SIGNL4 admin to invite you.',
    dutyNoTeams: 'You are not a member of any SIGNL4 team.',
    dutyOn: '🟢 You are on duty now in SIGNL4.',
    dutyOff: '⚪ You are off duty now in SIGNL4.',
};

export type RestTextKey = keyof typeof en;

export const de: Record<RestTextKey, string> = {
    restNoApiKey:
        'Dafür braucht die App einen SIGNL4-API-Schlüssel. Ein Admin kann ihn in den App-Einstellungen eintragen ' +
        '(SIGNL4 API key).',
    restUnauthorized:
        'SIGNL4 hat den API-Schlüssel nicht angenommen. Ein Admin muss den SIGNL4-API-Schlüssel in den ' +
        'App-Einstellungen prüfen.',
    restUnavailable: 'SIGNL4 ist gerade nicht erreichbar. Bitte versuche es in ein paar Minuten noch einmal.',
    restRateLimited: 'SIGNL4 erhält gerade zu viele Anfragen. Bitte versuche es in einer Minute noch einmal.',
    restRejected: 'SIGNL4 hat die Anfrage abgelehnt ({reason}).',
    onCallTitle: '*Im Dienst bei SIGNL4*',
    onCallTeam: '• {team}: {people}',
    onCallNobody: 'niemand',
    onCallManager: '{name} (Manager)',
    onCallNoTeams: 'Der SIGNL4-API-Schlüssel sieht kein Team.',
    dutyNoVerifiedEmail:
        'Dein Rocket.Chat-Konto hat keine bestätigte E-Mail-Adresse, deshalb findet die App dich nicht in SIGNL4. ' +
        'Bitte bestätige zuerst deine E-Mail-Adresse.',
    dutyNoSignl4User:
        'SIGNL4 kennt keinen Benutzer mit deiner E-Mail-Adresse {email}. Bitte einen SIGNL4-Admin, dich einzuladen.',
    dutyNoTeams: 'Du bist in keinem SIGNL4-Team.',
    dutyOn: '🟢 Du bist jetzt bei SIGNL4 im Dienst.',
    dutyOff: '⚪ Du bist jetzt bei SIGNL4 außer Dienst.',
};

const CATALOGS: Record<Language, Record<RestTextKey, string>> = { en, de };

/** One text with its `{placeholders}` filled; an unknown placeholder stays as it is. */
export function tr(language: Language, key: RestTextKey, params: Record<string, string | number> = {}): string {
    return CATALOGS[language][key].replace(/\{(\w+)\}/g, (match, name: string) =>
        name in params ? String(params[name]) : match,
    );
}
