import { IUIKitModalViewParam } from '@rocket.chat/apps-engine/definition/uikit/UIKitInteractionResponder';
import type { LayoutBlock } from '@rocket.chat/ui-kit';

import { AppContext } from '../AppContext';
import { t } from '../locale/texts';
import { button } from './raiseDialog';

const VIEW_PREFIX = 'signl4-note';

export const NOTE_FIELD = 'signl4-note-text';

/** The "Add note" dialog of a card; its id carries the card, because a submit arrives without message or room. */
export function noteDialog(app: AppContext, cardRef: string): IUIKitModalViewParam {
    const language = app.settingsCache.language;
    const appId = app.getID();
    const blocks: LayoutBlock[] = [
        {
            type: 'input',
            blockId: NOTE_FIELD,
            label: { type: 'plain_text', text: t(language, 'noteModalLabel') },
            element: { type: 'plain_text_input', appId, blockId: NOTE_FIELD, actionId: NOTE_FIELD, multiline: true },
        },
    ];

    return {
        id: `${VIEW_PREFIX}:${cardRef}`,
        title: { type: 'plain_text', text: t(language, 'noteModalTitle') },
        blocks,
        submit: button(appId, 'signl4-note-submit', t(language, 'noteModalSubmit')),
        close: button(appId, 'signl4-note-cancel', t(language, 'cancel')),
    };
}

/** The card a submitted note dialog belongs to; undefined when the view is not this dialog. */
export function noteCardOf(viewId: string): string | undefined {
    const prefix = `${VIEW_PREFIX}:`;

    return viewId.startsWith(prefix) ? viewId.slice(prefix.length) : undefined;
}

/** The value of one field of a submitted view: `state[blockId][actionId]`. */
export function fieldValue(state: unknown, field: string): string {
    const value = (state as Record<string, Record<string, unknown>> | undefined)?.[field]?.[field];

    return typeof value === 'string' ? value.trim() : '';
}
