import { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { UserType } from '@rocket.chat/apps-engine/definition/users';

import { messageUrl } from '../chat/messageLink';
import { AppConfig, roomKey } from '../settings/AppConfig';
import { AlertRequest, renderTitle } from '../signl4/AlertRequest';

/** SIGNL4 shows long texts poorly and rejects huge bodies; a chat message longer than this is cut. */
const MAX_ALERT_TEXT = 4000;

/**
 * Whether a new chat message raises an alert. It runs for every message on the server, so it reads only the message
 * and the cached configuration. Messages of the app itself, of other bots and apps, system messages and edits never
 * raise alerts, so the app cannot loop on its own replies.
 */
export function canRaiseAlert(message: IMessage, config: AppConfig, appUserId: string | undefined): boolean {
    const { sender, room, text } = message;
    if (!text || !config.triggerPattern || message.type || message.editedAt) {
        return false;
    }
    if (
        sender.type === UserType.APP ||
        sender.type === UserType.BOT ||
        (appUserId !== undefined && sender.id === appUserId)
    ) {
        return false;
    }
    if (config.triggerRooms.size > 0 && !config.triggerRooms.has(roomKey(room.slugifiedName ?? ''))) {
        return false;
    }

    return config.triggerPattern.test(text);
}

/** Where an alert comes from: the message that raised it (or the bot's announcement of a `/signl4` alert). */
export interface AlertSource {
    readonly messageId: string;
    readonly room: IRoom;
    readonly username: string;
    readonly text: string;
}

/** The alert a message raises; its ExternalID ties SIGNL4's later events back to that message. */
export function buildAlertRequest(source: AlertSource, config: AppConfig, siteUrl: string): AlertRequest {
    const text = source.text.slice(0, MAX_ALERT_TEXT);
    const room = source.room.slugifiedName ?? source.room.displayName ?? source.room.id;

    return {
        externalId: externalIdFor(source.messageId),
        title: renderTitle(config.alertTitle, { user: source.username, room, text }),
        text,
        username: source.username,
        roomName: room,
        messageUrl: messageUrl(siteUrl, source.room, source.messageId),
        service: config.service || undefined,
        alertingScenario: config.alertingScenario,
        filtering: config.filtering,
    };
}

/** One ExternalID per raising message: unique per alert, and the same if the same message is handled twice. */
export function externalIdFor(messageId: string): string {
    return `rc-${messageId}`;
}
