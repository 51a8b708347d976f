import { renderTitle, webhookBody } from '../../src/signl4/AlertRequest';

describe('webhookBody', () => {
    const alert = {
        externalId: 'rc-m1',
        title: 'T',
        text: 'disk full',
        username: 'alice',
        roomName: 'ops',
        messageUrl: 'https://chat.example.com/channel/ops?msg=m1',
        filtering: false,
    };

    it('carries the reserved SIGNL4 fields and the chat context', () => {
        expect(webhookBody(alert)).toEqual({
            'Title': 'T',
            'Message': 'disk full',
            'User': 'alice',
            'Room': 'ops',
            'Link': 'https://chat.example.com/channel/ops?msg=m1',
            'X-S4-ExternalID': 'rc-m1',
            'X-S4-Status': 'new',
            'X-S4-SourceSystem': 'RocketChat',
            'X-S4-Filtering': 'false',
        });
    });

    it('adds service and scenario only when set', () => {
        const body = webhookBody({ ...alert, service: 'Database', alertingScenario: 'emergency', filtering: true });

        expect(body).toMatchObject({
            'X-S4-Service': 'Database',
            'X-S4-AlertingScenario': 'emergency',
            'X-S4-Filtering': 'true',
        });
    });
});

describe('renderTitle', () => {
    it('fills the placeholders and keeps unknown ones', () => {
        expect(renderTitle('{user} in #{room}: {text} {other}', { user: 'a', room: 'ops', text: 'x' })).toBe(
            'a in #ops: x {other}',
        );
    });

    it('falls back to the text when the template is empty and cuts long titles', () => {
        expect(renderTitle('  ', { user: 'a', room: 'r', text: 'the text' })).toBe('the text');
        expect(renderTitle('{text}', { user: 'a', room: 'r', text: 'x'.repeat(500) })).toHaveLength(200);
    });
});
