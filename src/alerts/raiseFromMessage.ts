import { IMessage } from '@rocket.chat/apps-engine/definition/messages';

import { Accessors, AppContext } from '../AppContext';
import { ChatPoster } from '../chat/ChatPoster';
import { t } from '../locale/texts';
import { hasAllowedRole } from '../settings/AppConfig';
import { AlertRaiser } from './AlertRaiser';
import { buildAlertRequest } from './messageTrigger';

/**
 * Raises the alert of a message that passed {@link canRaiseAlert}; updates go to the message's thread. Someone
 * outside the `raise_roles` setting hears there why nothing happened.
 */
export async function raiseFromMessage(app: AppContext, message: IMessage & { id: string }, accessors: Accessors) {
    const { read, modify, http, persistence } = accessors;
    const settings = app.settingsCache;
    await settings.loadWorkspaceSettings(read.getEnvironmentReader());
    const threadId = message.threadId ?? message.id;

    const { raiseRoles } = settings.config;
    if (!hasAllowedRole(message.sender.roles, raiseRoles)) {
        const text = t(settings.language, 'raiseNotPermitted', { roles: raiseRoles.join(', ') });
        await new ChatPoster(read, modify, settings.config).post(message.room, text, threadId);

        return;
    }

    const source = {
        messageId: message.id,
        room: message.room,
        username: message.sender.username,
        text: message.text ?? '',
    };
    const request = buildAlertRequest(source, settings.config, settings.siteUrl);
    await new AlertRaiser(app, read, modify, http, persistence).raise(request, message.room, threadId);
}
