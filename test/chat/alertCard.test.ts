import { CardAction, renderAlertCard } from '../../src/chat/alertCard';
import { neutralizeMentions } from '../../src/chat/ChatPoster';
import { messageUrl } from '../../src/chat/messageLink';
import { AlertCard } from '../../src/storage/CardStore';
import { IRoom, RoomType } from '@rocket.chat/apps-engine/definition/rooms';

const card: AlertCard = {
    ref: 'rc-m1',
    roomId: 'r1',
    messageId: 'c1',
    threadId: 'm1',
    externalId: 'rc-m1',
    title: 'Checkout down',
    text: 'HTTP 500 on /pay',
    service: 'Payments',
    raisedBy: 'alice',
    roomName: 'ops',
    raisedAt: '2026-12-03T14:02:11.000Z',
    messageUrl: 'https://chat.example.com/channel/ops?msg=m1',
    status: 'new',
    notes: [],
};
const withButtons = { appId: 'app-1', buttons: true, signl4Link: 'https://signl4.example/alerts/{alertId}' };

type Rendered = Array<{
    type: string;
    blockId?: string;
    text?: { text: string };
    elements?: Array<Record<string, unknown>>;
}>;

function render(overrides: Partial<AlertCard>, options = withButtons, language: 'en' | 'de' = 'en'): Rendered {
    return renderAlertCard({ ...card, ...overrides }, language, options) as unknown as Rendered;
}

function details(blocks: Rendered): string {
    return String(blocks.find((block) => block.blockId === 'signl4-card-details')?.elements?.[0]?.text);
}

function buttons(blocks: Rendered): unknown[] {
    return blocks.find((block) => block.type === 'actions')?.elements?.map((element) => element.actionId) ?? [];
}

describe('renderAlertCard', () => {
    it('shows a new alert with every button, its origin, time and a link to the raising message', () => {
        const blocks = render({});

        expect(blocks[0].text?.text).toBe('*Checkout down*\nHTTP 500 on /pay');
        expect(details(blocks)).toBe(
            '🆕 New · Service: Payments · raised by @alice in #ops · 2026-12-03 14:02 UTC · ' +
                '[message](https://chat.example.com/channel/ops?msg=m1)',
        );
        expect(buttons(blocks)).toEqual([
            CardAction.Acknowledge,
            CardAction.Close,
            CardAction.AddNote,
            CardAction.OpenInSignl4,
        ]);
    });

    it('gives every button the card reference, stable ids and the app id', () => {
        const elements = render({}).find((block) => block.type === 'actions')?.elements ?? [];

        for (const element of elements) {
            expect(element).toMatchObject({ appId: 'app-1', blockId: 'signl4-card-actions', value: 'rc-m1' });
        }
    });

    it('drops Acknowledge once acknowledged, and everything but the link once closed', () => {
        const acknowledged = render({ status: 'acknowledged', statusBy: '@bob' });
        const closed = render({ status: 'closed', statusBy: 'Rene' });

        expect(details(acknowledged)).toMatch(/^✅ Acknowledged by @bob · /);
        expect(buttons(acknowledged)).toEqual([CardAction.Close, CardAction.AddNote, CardAction.OpenInSignl4]);
        expect(details(closed)).toMatch(/^☑️ Closed by Rene · /);
        expect(buttons(closed)).toEqual([CardAction.OpenInSignl4]);
    });

    it('marks an escalated alert', () => {
        expect(details(render({ escalated: true }))).toMatch(/^🆕 New · ⏫ Escalated · /);
    });

    it('links to the alert in SIGNL4 when its id is known, else to the SIGNL4 site', () => {
        const link = (blocks: Rendered) =>
            blocks
                .find((block) => block.type === 'actions')
                ?.elements?.find((e) => e.actionId === CardAction.OpenInSignl4)?.url;

        expect(link(render({ alertId: 'a/1' }))).toBe('https://signl4.example/alerts/a%2F1');
        expect(link(render({}))).toBe('https://signl4.example');
    });

    it('without an API key shows no buttons but tells how to enable them, until the alert is closed', () => {
        const noKey = { ...withButtons, buttons: false };

        expect(buttons(render({}, noKey))).toEqual([]);
        expect(render({}, noKey).map((block) => block.blockId)).toContain('signl4-card-hint');
        expect(render({ status: 'closed' }, noKey).map((block) => block.blockId)).not.toContain('signl4-card-hint');
    });

    it('cuts a long text and shows the title alone when the text repeats it', () => {
        expect(render({ text: 'x'.repeat(400) })[0].text?.text).toHaveLength('*Checkout down*\n'.length + 300);
        expect(render({ text: 'Checkout down' })[0].text?.text).toBe('*Checkout down*');
    });

    it('speaks German', () => {
        const blocks = render({ status: 'acknowledged', statusBy: '@bob' }, withButtons, 'de');

        expect(details(blocks)).toMatch(/^✅ Bestätigt von @bob · Dienst: Payments · ausgelöst von @alice in #ops/);
    });
});

describe('chat helpers', () => {
    it('takes the room-wide effect out of @all and @here', () => {
        expect(neutralizeMentions('@all @here @alice')).toBe('@\u200ball @\u200bhere @alice');
    });

    it('links to messages in channels, groups and direct messages', () => {
        const room = (type: RoomType) => ({ id: 'r 1', slugifiedName: 'ops', type }) as IRoom;

        expect(messageUrl('https://c.example', room(RoomType.CHANNEL), 'm1')).toBe(
            'https://c.example/channel/ops?msg=m1',
        );
        expect(messageUrl('https://c.example', room(RoomType.PRIVATE_GROUP), 'm1')).toBe(
            'https://c.example/group/ops?msg=m1',
        );
        expect(messageUrl('https://c.example', room(RoomType.DIRECT_MESSAGE), 'm1')).toBe(
            'https://c.example/direct/r%201?msg=m1',
        );
        expect(messageUrl('', room(RoomType.CHANNEL), 'm1')).toBeUndefined();
    });
});
