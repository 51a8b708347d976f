import { IEnvironmentRead } from '@rocket.chat/apps-engine/definition/accessors';

import { Language, languageOf } from '../locale/texts';
import { AppConfig, parseConfig, SettingValues } from './AppConfig';
import { SETTINGS } from './settings';
import { SettingId } from './SettingId';

/**
 * The app's settings and the two workspace settings it needs, held in memory. `IPostMessageSent` runs for every message
 * on the server, so the hot path must never pay an accessor round trip for configuration: values are read once when
 * the app is enabled and then kept current by `onSettingUpdated`, which each server instance receives.
 */
export class ConfigCache {
    private values: SettingValues = Object.fromEntries(SETTINGS.map((setting) => [setting.id, setting.packageValue]));

    private parsed: AppConfig = parseConfig(this.values);

    private workspace = { siteUrl: '', language: 'en' as Language };

    public get config(): AppConfig {
        return this.parsed;
    }

    /** The workspace's public URL without a trailing slash; empty until known. */
    public get siteUrl(): string {
        return this.workspace.siteUrl;
    }

    /** The workspace's default language, in which the bot posts to rooms. */
    public get language(): Language {
        return this.workspace.language;
    }

    public async load(environment: IEnvironmentRead): Promise<void> {
        const reader = environment.getSettings();
        const entries = await Promise.all(
            SETTINGS.map(async (setting) => [setting.id, await reader.getValueById(setting.id)] as const),
        );
        this.values = Object.fromEntries(entries);
        this.parsed = parseConfig(this.values);
        await this.loadWorkspaceSettings(environment);
    }

    /** Reads `Site_Url` and `Language` again; the engine sends apps no event when server settings change. */
    public async loadWorkspaceSettings(environment: IEnvironmentRead): Promise<void> {
        const server = environment.getServerSettings();
        const [siteUrl, language] = await Promise.all([
            server.getValueById('Site_Url').catch(() => undefined),
            server.getValueById('Language').catch(() => undefined),
        ]);
        this.workspace = {
            siteUrl: typeof siteUrl === 'string' ? siteUrl.trim().replace(/\/+$/, '') : '',
            language: languageOf(language),
        };
    }

    public apply(id: string, value: unknown): void {
        if (!Object.values<string>(SettingId).includes(id)) {
            return;
        }
        this.values = { ...this.values, [id]: value };
        this.parsed = parseConfig(this.values);
    }
}
