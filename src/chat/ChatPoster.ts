import { IModify, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import type { LayoutBlock } from '@rocket.chat/ui-kit';
import { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { AppConfig } from '../settings/AppConfig';

/**
 * Text that came from outside (SIGNL4 annotations, alert titles) must not be able to notify a whole room, so the
 * room-wide mentions lose their effect; a zero-width space keeps them readable.
 */
export function neutralizeMentions(text: string): string {
    return text.replace(/@(all|here)\b/gi, '@\u200b$1');
}

/** Posts as the app's bot user, under the alias and avatar the admin chose. */
export class ChatPoster {
    constructor(
        private readonly read: IRead,
        private readonly modify: IModify,
        private readonly config: AppConfig,
    ) {}

    public async roomById(roomId: string): Promise<IRoom | undefined> {
        return this.read.getRoomReader().getById(roomId);
    }

    public async roomByName(name: string): Promise<IRoom | undefined> {
        return name ? this.read.getRoomReader().getByName(name) : undefined;
    }

    /** Posts a message and answers its id; in a thread when `threadId` is given, with UIKit blocks when given. */
    public async post(room: IRoom, text: string, threadId?: string, blocks?: LayoutBlock[]): Promise<string> {
        const builder = this.modify.getCreator().startMessage().setRoom(room).setText(text).setGroupable(false);
        if (threadId) {
            builder.setThreadId(threadId);
        }
        if (blocks) {
            builder.setBlocks(blocks);
        }
        if (this.config.botAlias) {
            builder.setUsernameAlias(this.config.botAlias);
        }
        if (this.config.botAvatarUrl) {
            builder.setAvatarUrl(this.config.botAvatarUrl);
        }

        return this.modify.getCreator().finish(builder);
    }

    /** A message only `user` sees, in `room`. */
    public async tell(user: IUser, room: IRoom, text: string, threadId?: string): Promise<void> {
        const builder = this.modify.getNotifier().getMessageBuilder().setRoom(room).setText(text);
        if (threadId) {
            builder.setThreadId(threadId);
        }
        await this.modify.getNotifier().notifyUser(user, builder.getMessage());
    }
}
