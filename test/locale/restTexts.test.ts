import { de, en, tr } from '../../src/locale/restTexts';

describe('restTexts', () => {
    it('has the same keys and placeholders in English and German', () => {
        expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
        const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
        for (const key of Object.keys(en) as Array<keyof typeof en>) {
            expect([key, placeholders(de[key])]).toEqual([key, placeholders(en[key])]);
        }
    });

    it('fills placeholders and leaves unknown ones alone', () => {
        expect(tr('en', 'restRejected', { reason: 'HTTP 400' })).toBe('SIGNL4 refused the request (HTTP 400).');
        expect(tr('de', 'restRejected')).toBe('SIGNL4 hat die Anfrage abgelehnt ({reason}).');
    });
});
