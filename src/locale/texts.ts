import { de } from './de';
import { en, TextKey } from './en';

export type { TextKey };
export type Language = 'en' | 'de';

const CATALOGS: Record<Language, Record<TextKey, string>> = { en, de };

/** Maps a Rocket.Chat language code (`de`, `de-DE`, `pt-BR`, ...) to one the bot speaks; English otherwise. */
export function languageOf(code: unknown): Language {
    const base = typeof code === 'string' ? code.toLowerCase().split(/[-_]/)[0] : '';

    return base in CATALOGS ? (base as Language) : 'en';
}

/** One bot text with its `{placeholders}` filled. */
export function t(language: Language, key: TextKey, params: Record<string, string | number> = {}): string {
    return CATALOGS[language][key].replace(/\{(\w+)\}/g, (match, name: string) =>
        name in params ? String(params[name]) : match,
    );
}
