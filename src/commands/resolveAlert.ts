import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { Accessors, AppContext } from '../AppContext';
import { AlertCards } from '../alerts/AlertCards';
import { t } from '../locale/texts';
import { AlertStore } from '../storage/AlertStore';
import { WebhookClient } from '../signl4/WebhookClient';

/**
 * `/signl4 resolve`: closes an alert through the webhook with its ExternalID, for teams without an API key. The alert
 * is the one whose thread the command was typed in, or the one named by its ExternalID. Answers what to tell the user,
 * or undefined when the card's thread already says it.
 */
export async function resolveAlert(
    app: AppContext,
    user: IUser,
    where: { threadId?: string; reference?: string },
    accessors: Accessors,
): Promise<string | undefined> {
    const { read, modify, http, persistence } = accessors;
    const language = app.settingsCache.language;
    const { webhook } = app.settingsCache.config;
    if (typeof webhook === 'string') {
        return t(language, webhook === 'missing' ? 'statusWebhookMissing' : 'statusWebhookInvalid');
    }

    const store = new AlertStore(read.getPersistenceReader(), persistence);
    const link = await store.findLink({ threadId: where.threadId, externalEventId: where.reference });
    const cards = new AlertCards(app, read, modify, persistence);
    const card = link?.cardRef ? await cards.card(link.cardRef) : undefined;
    const externalId = card?.externalId ?? link?.externalId;
    if (!externalId) {
        return t(language, 'resolveNoAlert');
    }
    if (card?.status === 'closed') {
        return t(language, 'resolveAlreadyClosed');
    }

    const outcome = await new WebhookClient(http, webhook).resolve(externalId);
    if (outcome.kind !== 'accepted') {
        app.getLogger().warn(`Resolving alert ${externalId} failed: ${outcome.reason}.`);

        return t(language, 'actionFailed', { reason: outcome.reason });
    }
    app.getLogger().info(`Alert ${externalId} resolved from chat by ${user.username}.`);
    const line = t(language, 'resolvedBy', { user: user.username });
    if (card && (await cards.changeStatus(card.ref, 'closed', `@${user.username}`, line))) {
        return undefined;
    }

    return line;
}
