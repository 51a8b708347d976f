import { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { IRoom, RoomType } from '@rocket.chat/apps-engine/definition/rooms';
import { IUser, UserType } from '@rocket.chat/apps-engine/definition/users';

import { buildAlertRequest, canRaiseAlert } from '../../src/alerts/messageTrigger';
import { parseConfig } from '../../src/settings/AppConfig';
import { SettingId } from '../../src/settings/SettingId';
import { SETTINGS } from '../../src/settings/settings';

const defaults = Object.fromEntries(SETTINGS.map((setting) => [setting.id, setting.packageValue]));
const config = parseConfig({ ...defaults, [SettingId.TriggerRooms]: 'ops' });
const room = { id: 'r1', slugifiedName: 'ops', type: RoomType.CHANNEL } as IRoom;
const alice = { id: 'u1', username: 'alice', type: UserType.USER } as IUser;

function message(overrides: Partial<IMessage> = {}): IMessage {
    return { id: 'm1', room, sender: alice, text: 'SIGNL4 database is down', ...overrides };
}

describe('canRaiseAlert', () => {
    it('raises for a person writing a trigger word in an allowed room', () => {
        expect(canRaiseAlert(message(), config, 'bot')).toBe(true);
    });

    it('never raises for the app itself, other bots and apps', () => {
        expect(canRaiseAlert(message({ sender: { ...alice, id: 'bot' } }), config, 'bot')).toBe(false);
        expect(canRaiseAlert(message({ sender: { ...alice, type: UserType.APP } }), config, undefined)).toBe(false);
        expect(canRaiseAlert(message({ sender: { ...alice, type: UserType.BOT } }), config, undefined)).toBe(false);
    });

    it('ignores other rooms, system messages, edits and messages without text', () => {
        expect(canRaiseAlert(message({ room: { ...room, slugifiedName: 'random' } }), config, 'bot')).toBe(false);
        expect(canRaiseAlert(message({ type: 'uj' as IMessage['type'] }), config, 'bot')).toBe(false);
        expect(canRaiseAlert(message({ editedAt: new Date() }), config, 'bot')).toBe(false);
        expect(canRaiseAlert(message({ text: undefined }), config, 'bot')).toBe(false);
        expect(canRaiseAlert(message({ text: 'all good' }), config, 'bot')).toBe(false);
    });

    it('raises in every room when no rooms are configured', () => {
        const everywhere = parseConfig(defaults);

        expect(canRaiseAlert(message({ room: { ...room, slugifiedName: 'random' } }), everywhere, 'bot')).toBe(true);
    });
});

describe('buildAlertRequest', () => {
    it('ties the alert to the message and links back to it', () => {
        const request = buildAlertRequest(
            { messageId: 'm1', room, username: 'alice', text: 'SIGNL4 database is down' },
            config,
            'https://chat.example.com',
        );

        expect(request).toEqual({
            externalId: 'rc-m1',
            title: 'alice in #ops: SIGNL4 database is down',
            text: 'SIGNL4 database is down',
            username: 'alice',
            roomName: 'ops',
            messageUrl: 'https://chat.example.com/channel/ops?msg=m1',
            service: undefined,
            alertingScenario: undefined,
            filtering: false,
        });
    });
});
