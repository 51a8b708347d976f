import de from '../../i18n/de.json';
import en from '../../i18n/en.json';
import { parseConfig, roomKey } from '../../src/settings/AppConfig';
import { SettingId } from '../../src/settings/SettingId';
import { SETTINGS } from '../../src/settings/settings';

const defaults = Object.fromEntries(SETTINGS.map((setting) => [setting.id, setting.packageValue]));

function lookup(catalog: Record<string, string>, key: string): string {
    return catalog[key] ?? '';
}

function configWith(values: Partial<Record<SettingId, unknown>>) {
    return parseConfig({ ...defaults, ...values });
}

describe('parseConfig', () => {
    it('matches the default trigger word SIGNL4 as a whole word in any case', () => {
        const { triggerPattern } = configWith({});

        expect(triggerPattern?.test('signl4: database down')).toBe(true);
        expect(triggerPattern?.test('Please page SIGNL4 now')).toBe(true);
        expect(triggerPattern?.test('SIGNL4X is a product')).toBe(false);
        expect(triggerPattern?.test('xSIGNL4')).toBe(false);
        expect(triggerPattern?.test('nothing to see')).toBe(false);
    });

    it('treats trigger words literally, never as regular expressions', () => {
        const { triggerPattern } = configWith({ [SettingId.TriggerWords]: 'p1!, a.b' });

        expect(triggerPattern?.test('this is P1! now')).toBe(true);
        expect(triggerPattern?.test('a.b')).toBe(true);
        expect(triggerPattern?.test('axb')).toBe(false);
    });

    it('respects word edges in other scripts', () => {
        const { triggerPattern } = configWith({ [SettingId.TriggerWords]: 'störung' });

        expect(triggerPattern?.test('Große STÖRUNG im Netz')).toBe(true);
        expect(triggerPattern?.test('Störungsmeldung')).toBe(false);
    });

    it('has no trigger pattern when the words are empty', () => {
        expect(configWith({ [SettingId.TriggerWords]: ' , ' }).triggerPattern).toBeUndefined();
    });

    it('normalises room names: leading #, spaces and case', () => {
        const { triggerRooms, eventsRoom } = configWith({
            [SettingId.TriggerRooms]: '#Ops, incidents ,',
            [SettingId.EventsRoom]: '#Alerts',
        });

        expect([...triggerRooms]).toEqual(['ops', 'incidents']);
        expect(eventsRoom).toBe('alerts');
        expect(roomKey(' #General ')).toBe('general');
    });

    it('sends no scenario for the team default and the chosen one otherwise', () => {
        expect(configWith({}).alertingScenario).toBeUndefined();
        expect(configWith({ [SettingId.AlertingScenario]: 'multi_ack' }).alertingScenario).toBe('multi_ack');
    });

    it('defaults to posting new alerts and escalations, but not duty events', () => {
        const config = configWith({});

        expect([config.postNewAlerts, config.postEscalations, config.postDutyEvents]).toEqual([true, true, false]);
    });

    it('reports a missing webhook setting', () => {
        expect(configWith({}).webhook).toBe('missing');
    });
});

describe('SETTINGS', () => {
    it('has a label and a description in English and German for every setting', () => {
        const keys = SETTINGS.flatMap((setting) => [
            setting.i18nLabel,
            setting.i18nDescription ?? '',
            ...(setting.values ?? []).map((value) => value.i18nLabel),
            ...(setting.i18nAlert ? [setting.i18nAlert] : []),
        ]);

        for (const key of keys) {
            expect([key, lookup(en, key).length > 0, lookup(de, key).length > 0]).toEqual([key, true, true]);
        }
        expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    });

    it('keeps the public setting ids of the contract', () => {
        const ids = SETTINGS.map((setting) => setting.id);

        expect(ids).toEqual(
            expect.arrayContaining([
                'signl4_webhook',
                'trigger_words',
                'trigger_rooms',
                'events_room',
                'signl4_api_key',
                'signl4_events_url',
            ]),
        );
    });

    it('stores the secrets as password settings', () => {
        const types = Object.fromEntries(SETTINGS.map((setting) => [setting.id, setting.type]));

        expect([types.signl4_webhook, types.signl4_api_key]).toEqual(['password', 'password']);
    });
});
