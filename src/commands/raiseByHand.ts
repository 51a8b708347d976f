import { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { Accessors, AppContext } from '../AppContext';
import { AlertRaiser } from '../alerts/AlertRaiser';
import { buildAlertRequest } from '../alerts/messageTrigger';
import { ChatPoster, neutralizeMentions } from '../chat/ChatPoster';
import { t } from '../locale/texts';

/** An alert raised with `/signl4 <text>` or the `/signl4 alert` dialog; the optional fields override the settings. */
export interface ManualAlert {
    readonly room: IRoom;
    readonly sender: IUser;
    readonly threadId?: string;
    readonly text: string;
    readonly title?: string;
    readonly service?: string;
    readonly alertingScenario?: string;
}

/** The bot's announcement in the room becomes the alert's thread, as the raising message is for chat alerts. */
export async function raiseByHand(app: AppContext, alert: ManualAlert, accessors: Accessors): Promise<void> {
    const { read, modify, http, persistence } = accessors;
    const { room, sender, text } = alert;
    const config = app.settingsCache.config;
    const announcement = t(app.settingsCache.language, 'alertRaisedFromCommand', {
        user: sender.username,
        text: neutralizeMentions(text),
    });
    const messageId = await new ChatPoster(read, modify, config).post(room, announcement, alert.threadId);

    const request = buildAlertRequest(
        { messageId, room, username: sender.username, text },
        config,
        app.settingsCache.siteUrl,
    );
    const chosen = {
        ...request,
        title: alert.title || request.title,
        service: alert.service || request.service,
        alertingScenario: alert.alertingScenario || request.alertingScenario,
    };
    await new AlertRaiser(app, read, modify, http, persistence).raise(chosen, room, alert.threadId ?? messageId);
}
