import { IHttp, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { AppContext } from '../AppContext';
import { ensureEndpointToken, syncEventsUrlSetting } from '../endpoints/eventsUrl';
import { Language, t, TextKey } from '../locale/texts';
import { describeError } from '../security/redact';
import { restClientFor } from '../signl4/RestClient';
import { AlertStore, DeliveryState } from '../storage/AlertStore';

const PROBE_TIMEOUT_MS = 5_000;

const OUTCOME_TEXTS: Record<DeliveryState, TextKey> = {
    raised: 'outcomeRaised',
    pending: 'outcomePending',
    failed: 'outcomeFailed',
};

export function helpText(app: AppContext, language: Language): string {
    return t(language, 'commandHelp', triggerSummary(app, language));
}

/**
 * The admin's set-up check: what is configured, whether SIGNL4 answers, how the last alert went, and the URL to paste
 * into SIGNL4. It contains the endpoint token, so it is only ever shown to an admin, as an ephemeral message.
 */
export async function statusReport(
    app: AppContext,
    sender: IUser,
    read: IRead,
    http: IHttp,
    persistence: IPersistence,
    language: Language,
): Promise<string> {
    if (!sender.roles?.includes('admin')) {
        return t(language, 'statusAdminsOnly');
    }
    const config = app.settingsCache.config;
    const lines = [t(language, 'statusTitle')];

    if (config.webhook === 'missing') {
        lines.push(t(language, 'statusWebhookMissing'));
    } else if (config.webhook === 'invalid') {
        lines.push(t(language, 'statusWebhookInvalid'));
    } else {
        lines.push(t(language, 'statusWebhookOk'));
        // A GET never raises an alert: SIGNL4 answers it with 405, which proves it is reachable from this server.
        const secrets = [config.webhook.url, config.webhook.secret];
        const probe = await http
            .get(config.webhook.url, { timeout: PROBE_TIMEOUT_MS })
            .then(() => t(language, 'statusReachable'))
            .catch((error) => t(language, 'statusUnreachable', { reason: describeError(error, secrets) }));
        lines.push(probe);
    }

    lines.push(await apiKeyLine(app, http, language));

    lines.push(t(language, 'statusTriggers', triggerSummary(app, language)));
    const eventsRoom = config.eventsRoom && (await read.getRoomReader().getByName(config.eventsRoom));
    lines.push(t(language, eventsRoom ? 'statusEventsRoomOk' : 'statusEventsRoomMissing', { room: config.eventsRoom }));

    const last = await new AlertStore(read.getPersistenceReader()).lastOutcome();
    if (last) {
        const key = OUTCOME_TEXTS[last.state];
        const when = `${last.at.slice(0, 16).replace('T', ' ')} UTC`;
        lines.push(
            t(language, 'statusLastOutcome', { outcome: t(language, key, { when, reason: last.reason ?? '' }) }),
        );
    } else {
        lines.push(t(language, 'statusNoAlertYet'));
    }

    const token = await ensureEndpointToken(read.getPersistenceReader(), persistence);
    const url = await syncEventsUrlSetting(app, token);
    lines.push(url ? t(language, 'statusEventsUrl', { url }) : t(language, 'statusEventsUrlMissing'));

    return lines.join('\n');
}

/** Which words raise alerts, and where, in words a person reads. */
function triggerSummary(app: AppContext, language: Language): { words: string; rooms: string } {
    const { triggerWords, triggerRooms } = app.settingsCache.config;

    return {
        words: triggerWords.length ? triggerWords.join(', ') : t(language, 'helpNoTriggerWords'),
        rooms: triggerRooms.size ? [...triggerRooms].map((room) => `#${room}`).join(', ') : t(language, 'helpAllRooms'),
    };
}

/** Whether SIGNL4 takes the API key, by one cheap read (its teams), so an admin knows before anyone presses. */
async function apiKeyLine(app: AppContext, http: IHttp, language: Language): Promise<string> {
    const { apiKey, webhook } = app.settingsCache.config;
    const client = restClientFor(http, apiKey, webhook);
    if (!client) {
        return t(language, 'statusApiKeyMissing');
    }
    const teams = await client.teams();
    if (teams.ok) {
        return t(language, 'statusApiKeyOk', { teams: teams.value.length });
    }

    return teams.problem === 'unauthorized'
        ? t(language, 'statusApiKeyRefused')
        : t(language, 'statusApiKeyUnchecked', { reason: teams.status ? `HTTP ${teams.status}` : teams.problem });
}
