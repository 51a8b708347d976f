import { IRoom, RoomType } from '@rocket.chat/apps-engine/definition/rooms';

/** A permalink to a message, as Rocket.Chat's "Copy link" builds it; undefined while the Site URL is unknown. */
export function messageUrl(siteUrl: string, room: IRoom, messageId: string): string | undefined {
    if (!siteUrl) {
        return undefined;
    }
    const query = `?msg=${encodeURIComponent(messageId)}`;
    switch (room.type) {
        case RoomType.CHANNEL:
            return `${siteUrl}/channel/${encodeURIComponent(room.slugifiedName)}${query}`;
        case RoomType.PRIVATE_GROUP:
            return `${siteUrl}/group/${encodeURIComponent(room.slugifiedName)}${query}`;
        default:
            return `${siteUrl}/direct/${encodeURIComponent(room.id)}${query}`;
    }
}
