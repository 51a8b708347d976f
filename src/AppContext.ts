import {
    IAppAccessors,
    IHttp,
    ILogger,
    IModify,
    IPersistence,
    IRead,
} from '@rocket.chat/apps-engine/definition/accessors';

import { ConfigCache } from './settings/ConfigCache';

/** What handlers need from the app object, so that they do not depend on the main class. */
export interface AppContext {
    getID(): string;
    /** The logger of the current request; the Deno runtime gives each request its own, so never keep one. */
    getLogger(): ILogger;
    getAccessors(): IAppAccessors;
    readonly settingsCache: ConfigCache;
}

/** The accessors a handler receives from the engine, passed on as one. */
export interface Accessors {
    readonly read: IRead;
    readonly modify: IModify;
    readonly http: IHttp;
    readonly persistence: IPersistence;
}
