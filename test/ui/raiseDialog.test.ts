import { AppContext } from '../../src/AppContext';
import { ConfigCache } from '../../src/settings/ConfigCache';
import { raiseDialog, raiseTargetOf } from '../../src/ui/raiseDialog';

function appSpeaking(language: 'en' | 'de'): AppContext {
    const settingsCache = new ConfigCache();
    Object.defineProperty(settingsCache, 'language', { get: () => language });

    return { getID: () => 'app-1', settingsCache } as unknown as AppContext;
}

type Field = { blockId: string; element: { options?: Array<{ value: string; text: { text: string } }> } };

describe('raiseDialog', () => {
    it('names every field and scenario in the workspace language', () => {
        const view = raiseDialog(appSpeaking('de'), { roomId: 'r1' });
        const scenario = (view.blocks as unknown as Field[]).find((block) => block.blockId === 'signl4-raise-scenario');

        expect(view.title).toEqual({ type: 'plain_text', text: 'SIGNL4-Alarm auslösen' });
        expect(scenario?.element.options?.map((option) => option.text.text)).toEqual([
            'Standard des Teams',
            'single_ack',
            'multi_ack',
            'emergency',
        ]);
    });

    it('carries the room and thread in its id, because a submit arrives without them', () => {
        const view = raiseDialog(appSpeaking('en'), { roomId: 'r1', threadId: 't9' });

        expect(raiseTargetOf(view.id ?? '')).toEqual({ roomId: 'r1', threadId: 't9' });
        expect(raiseTargetOf('signl4-note:x')).toBeUndefined();
    });
});
