import { de } from '../../src/locale/de';
import { en } from '../../src/locale/en';
import { languageOf, t } from '../../src/locale/texts';

describe('texts', () => {
    it('speaks German for de and its regional variants, English otherwise', () => {
        expect(['de', 'de-DE', 'de_AT', 'DE', 'en', 'pt-BR', undefined, 42].map(languageOf)).toEqual([
            'de',
            'de',
            'de',
            'de',
            'en',
            'en',
            'en',
            'en',
        ]);
    });

    it('fills placeholders once, without re-reading the values it inserted', () => {
        expect(t('en', 'acknowledged', { user: '{user}' })).toBe('✅ Acknowledged by {user}');
        expect(t('de', 'closed', { user: 'Rene' })).toBe('☑️ Geschlossen von Rene');
    });

    it('uses the same placeholders in every language', () => {
        const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

        for (const key of Object.keys(en) as Array<keyof typeof en>) {
            expect([key, placeholders(de[key])]).toEqual([key, placeholders(en[key])]);
        }
    });

    it('keeps every message short', () => {
        for (const [key, text] of Object.entries({ ...en })) {
            if (key !== 'commandHelp') {
                expect([key, text.length <= 200]).toEqual([key, true]);
            }
        }
    });
});
