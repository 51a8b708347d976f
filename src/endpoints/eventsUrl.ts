import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';

import { AppContext } from '../AppContext';
import { generateEndpointToken } from '../security/endpointToken';
import { SettingId } from '../settings/SettingId';
import { EndpointTokenStore } from '../storage/EndpointTokenStore';

/** The path of the endpoint that receives SIGNL4's outbound webhook, below the app's API base. */
export const EVENTS_ENDPOINT_PATH = 'events';

/** Creates the endpoint token once per installation; later calls keep the existing one. */
export async function ensureEndpointToken(reader: IPersistenceRead, persistence: IPersistence): Promise<string> {
    const store = new EndpointTokenStore(reader, persistence);
    const existing = await store.token();
    if (existing) {
        return existing;
    }
    const token = generateEndpointToken();
    await store.save(token);

    return token;
}

/** The full URL an admin pastes into SIGNL4, or '' while the Site URL or the token is unknown. */
export function eventsUrl(app: AppContext, token: string | undefined): string {
    const siteUrl = app.settingsCache.siteUrl;
    if (!siteUrl || !token) {
        return '';
    }
    const provided = app
        .getAccessors()
        .providedApiEndpoints?.find((endpoint) => endpoint.path === EVENTS_ENDPOINT_PATH);
    const path = provided?.computedPath ?? `/api/apps/public/${app.getID()}/${EVENTS_ENDPOINT_PATH}`;

    return `${siteUrl}${path}?token=${token}`;
}

/**
 * Writes the events URL into its setting when it differs, which also undoes an admin's edit: the setting is output
 * of the app, not input. Answers the URL.
 */
export async function syncEventsUrlSetting(app: AppContext, token?: string): Promise<string> {
    const accessors = app.getAccessors();
    const known = token ?? (await new EndpointTokenStore(accessors.reader.getPersistenceReader()).token());
    const url = eventsUrl(app, known);
    if (url && app.settingsCache.config.eventsUrl !== url) {
        app.settingsCache.apply(SettingId.EventsUrl, url);
        await accessors.environmentWriter.getSettings().updateValue(SettingId.EventsUrl, url);
    }

    return url;
}
