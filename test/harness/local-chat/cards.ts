import { StoredMessage } from '../host';

const TITLE_LENGTH = 40;

/** One button of a card, as a client needs it to send the press back to the app. */
export interface CardButton {
    label: string;
    actionId: string;
    blockId: string;
    value?: string;
    url?: string;
}

/** What a person sees of a bot message's blocks: the card's title, its details line, and its buttons or hint. */
export interface CardView {
    title: string;
    text: string;
    details: string;
    buttons: CardButton[];
    hint?: string;
}

interface Block {
    type: string;
    blockId?: string;
    text?: unknown;
    elements?: Array<Record<string, unknown>>;
}

/**
 * Reads a card the way a chat client draws it, without knowing the app: the first section is the summary (a bold
 * title line, then the text), the first context its details, a later context a hint, an actions block its buttons.
 */
export function readCard(message: StoredMessage): CardView | undefined {
    const blocks = (message.blocks ?? []) as unknown as Block[];
    if (message.createdBy !== 'app' || blocks.length === 0) {
        return undefined;
    }
    const [titleLine = '', ...textLines] = plain(textOf(blocks.find((block) => block.type === 'section')?.text)).split(
        '\n',
    );
    const contexts = blocks.filter((block) => block.type === 'context').map(contextText);
    const actions = blocks.find((block) => block.type === 'actions');
    const buttons = (actions?.elements ?? [])
        .filter((element) => element.type === 'button')
        .map((element) => ({
            label: textOf(element.text),
            actionId: String(element.actionId ?? ''),
            blockId: String(element.blockId ?? actions?.blockId ?? ''),
            value: typeof element.value === 'string' ? element.value : undefined,
            url: typeof element.url === 'string' ? element.url : undefined,
        }));

    return {
        title: titleLine.replace(/^\*(.*)\*$/, '$1'),
        text: textLines.join(' ').trim(),
        details: contexts[0] ?? '',
        buttons,
        hint: contexts[1],
    };
}

/** The card messages of the workspace, oldest first; `:cards` numbers them from 1 in this order. */
export function cardMessages(messages: StoredMessage[]): StoredMessage[] {
    return messages.filter((message) => readCard(message) !== undefined);
}

/** The card drawn under its message: title, text when it says more than the title, details, buttons or hint. */
export function cardLines(card: CardView, number: number): string[] {
    const lines = [`┌ card #${number}: ${card.title}`];
    if (card.text && !card.title.includes(card.text)) {
        lines.push(`│ ${card.text}`);
    }
    lines.push(`│ ${card.details}`);
    lines.push(`└ ${card.buttons.length > 0 ? buttonRow(card) : (card.hint ?? '(no buttons)')}`);

    return lines;
}

/** What changed at a glance when a card is edited in place: its status badge and the buttons it has now. */
export function cardChange(card: CardView): string {
    return card.buttons.length > 0 ? `${badge(card)} · ${buttonRow(card)}` : badge(card);
}

export function shortTitle(card: CardView): string {
    return card.title.length > TITLE_LENGTH ? `${card.title.slice(0, TITLE_LENGTH - 1)}…` : card.title;
}

export function buttonRow(card: CardView): string {
    return card.buttons.map((button) => `[${button.label}]`).join(' ');
}

// The badge leads the details line and is the part that starts with an emoji (🆕 New · ⏫ Escalated, ✅ ..., ☑️ ...);
// service, origin and time follow as plain words, in any language.
function badge(card: CardView): string {
    const parts = card.details.split(' · ');
    const leading = parts.findIndex((part) => !/^\p{Extended_Pictographic}/u.test(part));
    const count = leading === -1 ? parts.length : Math.max(leading, 1);

    return parts.slice(0, count).join(' · ');
}

function contextText(block: Block): string {
    return plain((block.elements ?? []).map((element) => textOf(element.text ?? element)).join(' '));
}

function textOf(value: unknown): string {
    if (typeof value === 'string') {
        return value;
    }
    const text = (value as { text?: unknown } | undefined)?.text;

    return typeof text === 'string' ? text : '';
}

// Markdown links read as their label; the URL is the card's business, not the transcript's.
function plain(markdown: string): string {
    return markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
}
