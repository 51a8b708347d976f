import type { ActionsBlock, ButtonElement, ContextBlock, LayoutBlock, SectionBlock } from '@rocket.chat/ui-kit';

import { Language, t } from '../locale/texts';
import { AlertCard } from '../storage/CardStore';

/** Ids of the card's interactive parts. They are stable, so that the engine keeps them across edits. */
export const CardAction = {
    Acknowledge: 'signl4-acknowledge',
    Close: 'signl4-close',
    AddNote: 'signl4-add-note',
    OpenInSignl4: 'signl4-open',
} as const;

export const CARD_ACTIONS_BLOCK = 'signl4-card-actions';

const MAX_TEXT = 300;

export interface CardOptions {
    /** Interactive elements name the app they belong to. */
    readonly appId: string;
    /** Buttons need the SIGNL4 API key; without it the card says how to enable them. */
    readonly buttons: boolean;
    /** Where "Open in SIGNL4" leads; `{alertId}` is replaced when the alert id is known. */
    readonly signl4Link: string;
}

/** An alert card in its current state: what is wrong, its status, where it came from, what can be done. */
export function renderAlertCard(card: AlertCard, language: Language, options: CardOptions): LayoutBlock[] {
    const text = card.text.length > MAX_TEXT ? `${card.text.slice(0, MAX_TEXT - 1)}…` : card.text;
    const summary: SectionBlock = {
        type: 'section',
        blockId: 'signl4-card-summary',
        text: { type: 'mrkdwn', text: text && text !== card.title ? `*${card.title}*\n${text}` : `*${card.title}*` },
    };
    const details: ContextBlock = {
        type: 'context',
        blockId: 'signl4-card-details',
        elements: [{ type: 'mrkdwn', text: detailsLine(card, language) }],
    };
    const blocks: LayoutBlock[] = [summary, details];

    if (card.status === 'sending' || card.status === 'failed') {
        // Nothing to act on before SIGNL4 has the alert.
    } else if (options.buttons) {
        blocks.push(actions(card, language, options));
    } else if (card.status !== 'closed') {
        blocks.push({
            type: 'context',
            blockId: 'signl4-card-hint',
            elements: [{ type: 'mrkdwn', text: t(language, 'cardNoApiKey') }],
        });
    }

    return blocks;
}

function detailsLine(card: AlertCard, language: Language): string {
    const parts = [statusBadge(card, language)];
    if (card.service) {
        parts.push(t(language, 'cardService', { service: card.service }));
    }
    if (card.raisedBy && card.roomName) {
        parts.push(t(language, 'cardRaisedBy', { user: card.raisedBy, room: card.roomName }));
    }
    parts.push(`${card.raisedAt.slice(0, 16).replace('T', ' ')} UTC`);
    if (card.messageUrl) {
        parts.push(`[${t(language, 'cardMessageLink')}](${card.messageUrl})`);
    }

    return parts.join(' · ');
}

function statusBadge(card: AlertCard, language: Language): string {
    const by = card.statusBy ?? t(language, 'someone');
    switch (card.status) {
        case 'acknowledged':
            return t(language, 'cardAcknowledged', { user: by });
        case 'closed':
            return t(language, 'cardClosed', { user: by });
        case 'sending':
            return t(language, 'cardSending');
        case 'failed':
            return t(language, 'cardFailed');
        default:
            return card.escalated
                ? `${t(language, 'cardNew')} · ${t(language, 'cardEscalated')}`
                : t(language, 'cardNew');
    }
}

/** The buttons that fit the state: no Acknowledge once acknowledged, only the link once closed. */
function actions(card: AlertCard, language: Language, { appId, signl4Link }: CardOptions): ActionsBlock {
    const button = (actionId: string, text: string, style?: ButtonElement['style']): ButtonElement => ({
        type: 'button',
        appId,
        actionId,
        blockId: CARD_ACTIONS_BLOCK,
        value: card.ref,
        text: { type: 'plain_text', text },
        ...(style ? { style } : {}),
    });
    const elements: ButtonElement[] = [];
    if (card.status === 'new') {
        elements.push(button(CardAction.Acknowledge, t(language, 'cardButtonAcknowledge'), 'primary'));
    }
    if (card.status !== 'closed') {
        elements.push(button(CardAction.Close, t(language, 'cardButtonClose'), 'danger'));
        elements.push(button(CardAction.AddNote, t(language, 'cardButtonAddNote')));
    }
    elements.push({
        ...button(CardAction.OpenInSignl4, t(language, 'cardButtonOpen')),
        url: alertLink(signl4Link, card),
    });

    return { type: 'actions', blockId: CARD_ACTIONS_BLOCK, elements };
}

/** The admin's link template with the alert id filled in; without a known id, the SIGNL4 site itself. */
function alertLink(template: string, card: AlertCard): string {
    if (!template.includes('{alertId}')) {
        return template;
    }
    if (card.alertId) {
        return template.replace('{alertId}', encodeURIComponent(card.alertId));
    }
    try {
        return new URL(template.replace('{alertId}', '')).origin;
    } catch {
        return template.replace('{alertId}', '');
    }
}
