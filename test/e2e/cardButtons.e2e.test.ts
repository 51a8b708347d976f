import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { freshSignl4Event } from '../fixtures/signl4Fixtures';
import { StoredMessage } from '../harness/host';
import { World } from './world';

const API_KEY = 'e2eApiKey0815';
const NOTE = 'signl4-note-text';

type Block = { type: string; blockId?: string; elements?: Array<Record<string, unknown>> };

/** Issue 3, points 2 to 7: the card's buttons act in SIGNL4 as the person who pressed them. */
describe('alert card buttons, dialogs and duty commands in the real Apps-Engine', () => {
    let world: World;
    let bob: IUser;

    beforeAll(async () => {
        world = await World.start({ settings: { signl4_api_key: API_KEY } });
        world.signl4.setApiKey(API_KEY);
        world.signl4.addTeam({ id: 'team-ops', name: 'Ops' });
        world.signl4.addUser({ id: 's4-alice', email: 'alice@example.com', name: 'Alice', teamIds: ['team-ops'] });
        bob = world.host.createUser({ username: 'bob', roles: ['user'], email: 'bob@example.com' });
    });

    afterAll(async () => {
        await world.stop();
    });

    function card(messageId: string): StoredMessage {
        return world.host.messages().find((message) => message.id === messageId)!;
    }

    function actionIds(message: StoredMessage): string[] {
        const actions = (message.blocks as unknown as Block[]).find((block) => block.type === 'actions');

        return (actions?.elements ?? []).map((element) => String(element.actionId));
    }

    function badge(message: StoredMessage): string {
        const details = (message.blocks as unknown as Block[]).find((block) => block.blockId === 'signl4-card-details');

        return String(details?.elements?.[0]?.text ?? '').split(' · ')[0];
    }

    async function press(actionId: string, cardMessage: StoredMessage, user: IUser = world.alice) {
        const externalId = String(
            ((cardMessage.blocks as unknown as Block[]).find((b) => b.type === 'actions')?.elements ?? [])[0]?.value,
        );

        return world.host.blockAction({
            actionId,
            blockId: 'signl4-card-actions',
            value: externalId,
            user,
            room: world.ops,
            message: cardMessage,
        });
    }

    function restCalls(pathPart: string) {
        return world.signl4.requests().filter((request) => request.path.includes(pathPart));
    }

    function lastEphemeral(user: IUser): string {
        return world.host.ephemerals(user).pop()?.text ?? '';
    }

    async function raise(text: string) {
        const raised = await world.raiseFromChat(text);
        const cardMessage = world.host.threadOf(raised.message.id)[0];

        return { ...raised, cardMessage };
    }

    it('shows Acknowledge, Close, Add note and the SIGNL4 link on a new alert', async () => {
        const { cardMessage } = await raise('SIGNL4 buttons please');

        expect(actionIds(cardMessage)).toEqual([
            'signl4-acknowledge',
            'signl4-close',
            'signl4-add-note',
            'signl4-open',
        ]);
    });

    it('acknowledges as the pressing user, edits the card and ignores the webhook echo', async () => {
        const { message, externalId, eventId, cardMessage } = await raise('SIGNL4 ack from chat');
        const alertId = world.signl4.alertIdFor(externalId)!;

        await press('signl4-acknowledge', cardMessage);
        await world.sendEvent(freshSignl4Event('201-acknowledged', { externalId, eventId }));

        const [call] = restCalls(`/api/v2/alerts/${alertId}/acknowledge`);
        expect(call.headers['x-s4-api-key']).toBe(API_KEY);
        expect(call.body).toMatchObject({ userId: 's4-alice' });
        expect(world.signl4.alertState(alertId)).toBe('acknowledged');
        expect(badge(card(cardMessage.id))).toBe('✅ Acknowledged by @alice');
        expect(actionIds(card(cardMessage.id))).toEqual(['signl4-close', 'signl4-add-note', 'signl4-open']);
        expect(world.host.threadOf(message.id).map((reply) => reply.text)).toEqual([
            '🚨 SIGNL4 alert raised. Updates will follow in this thread.',
            '✅ Acknowledged by @alice',
        ]);
    });

    it('adds a note through the dialog, once, even when SIGNL4 echoes it', async () => {
        const { message, externalId, eventId, cardMessage } = await raise('SIGNL4 note from chat');
        const alertId = world.signl4.alertIdFor(externalId)!;

        const opened = (await press('signl4-add-note', cardMessage)) as { type: string; view: { id: string } };
        expect(opened).toMatchObject({ type: 'modal.open', view: { id: `signl4-note:${externalId}` } });
        await world.host.viewSubmit({
            view: { ...opened.view, state: { [NOTE]: { [NOTE]: 'Rolling back' } } },
            user: world.alice,
        });
        const echo = freshSignl4Event('203-annotated', { externalId, eventId });
        Object.assign(echo, { annotation: { message: 'Rolling back' }, user: { username: 'Alice' } });
        await world.sendEvent(echo);

        expect(world.signl4.alert(alertId)?.annotations).toEqual([{ userId: 's4-alice', text: 'Rolling back' }]);
        expect(world.host.threadOf(message.id).map((reply) => reply.text)).toEqual([
            '🚨 SIGNL4 alert raised. Updates will follow in this thread.',
            '📝 @alice: Rolling back',
        ]);
    });

    it('refuses an empty note in the dialog itself', async () => {
        const { externalId, cardMessage } = await raise('SIGNL4 empty note');
        const opened = (await press('signl4-add-note', cardMessage)) as { view: { id: string } };

        const answer = await world.host.viewSubmit({
            view: { ...opened.view, state: { [NOTE]: { [NOTE]: '  ' } } },
            user: world.alice,
        });

        expect(answer).toMatchObject({ type: 'errors', errors: { [NOTE]: 'Please write a note.' } });
        expect(world.signl4.alert(world.signl4.alertIdFor(externalId)!)?.annotations).toEqual([]);
    });

    it('closes, leaves only the link, and answers a stale Acknowledge on the closed alert privately', async () => {
        const { message, externalId, cardMessage } = await raise('SIGNL4 close from chat');
        const alertId = world.signl4.alertIdFor(externalId)!;

        await press('signl4-close', cardMessage);
        const threadBefore = world.host.threadOf(message.id).length;
        await press('signl4-acknowledge', cardMessage);

        expect(world.signl4.alertState(alertId)).toBe('closed');
        expect(badge(card(cardMessage.id))).toBe('☑️ Closed by @alice');
        expect(actionIds(card(cardMessage.id))).toEqual(['signl4-open']);
        expect(lastEphemeral(world.alice)).toBe('SIGNL4 did not allow this: the alert is already closed.');
        expect(world.host.threadOf(message.id)).toHaveLength(threadBefore);
    });

    it('tells a user without a SIGNL4 account, and changes nothing', async () => {
        const { externalId, cardMessage } = await raise('SIGNL4 bob tries');

        await press('signl4-acknowledge', cardMessage, bob);

        expect(lastEphemeral(bob)).toBe(
            'SIGNL4 has no user with your e-mail address bob@example.com. Ask a SIGNL4 admin to invite you.',
        );
        expect(world.signl4.alertState(world.signl4.alertIdFor(externalId)!)).toBe('new');
        expect(badge(card(cardMessage.id))).toBe('🆕 New');
    });

    it('tells the presser when SIGNL4 is down, and changes nothing', async () => {
        const { externalId, cardMessage } = await raise('SIGNL4 down for buttons');
        await press('signl4-add-note', cardMessage); // warms the user link and learns the alert id
        world.signl4.answerNext({ kind: 'serverError', status: 503 });

        await press('signl4-acknowledge', cardMessage);

        expect(lastEphemeral(world.alice)).toBe(
            'SIGNL4 is not reachable right now. Please try again in a few minutes.',
        );
        expect(world.signl4.alertState(world.signl4.alertIdFor(externalId)!)).toBe('new');
        expect(badge(card(cardMessage.id))).toBe('🆕 New');
    });

    it('lets only the roles in act_roles press the buttons', async () => {
        const { externalId, cardMessage } = await raise('SIGNL4 roles');
        await world.host.setAppSetting('act_roles', 'admin');

        await press('signl4-acknowledge', cardMessage);

        expect(lastEphemeral(world.alice)).toBe('Only admin may act on SIGNL4 alerts here.');
        expect(world.signl4.alertState(world.signl4.alertIdFor(externalId)!)).toBe('new');
        await world.host.setAppSetting('act_roles', '');
    });

    it('without an API key shows no buttons and answers a stale press with what the admin must do', async () => {
        const { cardMessage: withButtons } = await raise('SIGNL4 before the key is removed');
        await world.host.setAppSetting('signl4_api_key', '');
        const { cardMessage: withoutButtons } = await raise('SIGNL4 after the key is removed');

        await press('signl4-acknowledge', withButtons);

        expect(actionIds(withoutButtons)).toEqual([]);
        expect(lastEphemeral(world.alice)).toBe(
            'This needs a SIGNL4 API key. An admin can enter one in the app settings (SIGNL4 API key).',
        );
        await world.host.setAppSetting('signl4_api_key', API_KEY);
    });

    it('tells an admin in /signl4 status whether SIGNL4 takes the API key', async () => {
        await world.host.runCommand('signl4', ['status'], { sender: world.admin, room: world.ops });
        expect(lastEphemeral(world.admin)).toContain('✅ API key accepted by SIGNL4 (it sees 1 team(s))');

        await world.host.setAppSetting('signl4_api_key', 'not-the-right-key');
        await world.host.runCommand('signl4', ['status'], { sender: world.admin, room: world.ops });
        expect(lastEphemeral(world.admin)).toContain('❌ SIGNL4 refuses the API key');
        await world.host.setAppSetting('signl4_api_key', API_KEY);
    });

    it('shows a note sent from chat once, even when SIGNL4 echoes it before its REST answer', async () => {
        const { message, externalId, eventId, cardMessage } = await raise('SIGNL4 early echo');
        const opened = (await press('signl4-add-note', cardMessage)) as { view: { id: string } };
        const echo = freshSignl4Event('203-annotated', { externalId, eventId });
        Object.assign(echo, { annotation: { message: 'Echo first' } });
        // SIGNL4 holds the REST answer back; its outbound echo of the note gets there first.
        world.signl4.answerNext({ kind: 'slow', delayMs: 2000, status: 200 });
        const annotateCalls = () => restCalls('/annotate').length;
        const before = annotateCalls();

        const submitted = world.host.viewSubmit({
            view: { ...opened.view, state: { [NOTE]: { [NOTE]: 'Echo first' } } },
            user: world.alice,
        });
        await world.host.waitFor(() => annotateCalls() > before, 5000, 'the annotate call');
        await world.sendEvent(echo);
        await submitted;

        expect(world.host.threadOf(message.id).map((reply) => reply.text)).toEqual([
            '🚨 SIGNL4 alert raised. Updates will follow in this thread.',
            '📝 @alice: Echo first',
        ]);
    });

    it('lists who is on duty and punches the caller in and out', async () => {
        world.signl4.setOnDuty('s4-alice', 'team-ops', true);
        await world.host.runCommand('signl4', ['oncall'], { sender: world.alice, room: world.ops });
        expect(lastEphemeral(world.alice)).toBe('*On duty in SIGNL4*\n• Ops: Alice');

        await world.host.runCommand('signl4', ['duty', 'off'], { sender: world.alice, room: world.ops });
        expect(lastEphemeral(world.alice)).toBe('⚪ You are off duty now in SIGNL4.');
        expect(world.signl4.onDutyTeams('s4-alice')).toEqual([]);

        await world.host.runCommand('signl4', ['duty', 'on'], { sender: world.alice, room: world.ops });
        expect(world.signl4.onDutyTeams('s4-alice')).toEqual(['team-ops']);
    });

    it('raises an alert from the /signl4 alert dialog with its title, service and scenario', async () => {
        await world.host.runCommand('signl4', ['alert'], {
            sender: world.alice,
            room: world.ops,
            triggerId: 'trigger-1',
        });
        const opened = world.host.uiInteractions().pop()?.interaction as { view: { id: string } };
        const field = (id: string, value: string) => ({ [id]: { [id]: value } });

        await world.host.viewSubmit({
            view: {
                ...opened.view,
                state: {
                    ...field('signl4-raise-title', 'Payment provider outage'),
                    ...field('signl4-raise-text', 'All card payments fail'),
                    ...field('signl4-raise-service', 'Payments'),
                    ...field('signl4-raise-scenario', 'multi_ack'),
                },
            },
            user: world.alice,
        });

        const announcement = await world.waitForBotMessage(
            (m) => m.text === '🚨 @alice raised a SIGNL4 alert: All card payments fail',
            'announcement',
        );
        expect(announcement.room.id).toBe(world.ops.id);
        expect(world.alertsReceived().pop()).toMatchObject({
            'Title': 'Payment provider outage',
            'Message': 'All card payments fail',
            'X-S4-Service': 'Payments',
            'X-S4-AlertingScenario': 'multi_ack',
        });
    });

    it('leaks neither the API key nor another secret into any message or log line', () => {
        expect(world.leakedSecrets([API_KEY])).toEqual([]);
    });
});
