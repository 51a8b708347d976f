import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { format } from 'util';
import { deserialize, serialize } from 'v8';

import { AppStatusUtils, type AppStatus } from '@rocket.chat/apps-engine/definition/AppStatus';
import type { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { AppInterface } from '@rocket.chat/apps-engine/definition/metadata';
import type { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata';
import type { IPermission } from '@rocket.chat/apps-engine/definition/permissions/IPermission';
import { RoomType, type IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import { SlashCommandContext } from '@rocket.chat/apps-engine/definition/slashcommands';
import { UIKitIncomingInteractionType } from '@rocket.chat/apps-engine/definition/uikit';
import { UserType, type IUser } from '@rocket.chat/apps-engine/definition/users';
import { AppManager } from '@rocket.chat/apps-engine/server/AppManager';
import type { ILoggerStorageEntry } from '@rocket.chat/apps-engine/server/logging';
import type { IMarketplaceInfo } from '@rocket.chat/apps-engine/server/marketplace';
import { AppLogStorage, AppMetadataStorage, type IAppStorageItem } from '@rocket.chat/apps-engine/server/storage';
import { AppSourceStorage } from '@rocket.chat/apps-engine/server/storage/AppSourceStorage';

import { BridgeCallLog, type AppRequest, type BridgeCall } from './bridge-calls';
import { HostBridges, type HostContext } from './bridges';
import { HostStore, type Ephemeral, type ScheduledJob, type StoredMessage } from './store';

export { HostStore } from './store';
export type { AppRequest, BridgeCall } from './bridge-calls';
export type { Ephemeral, ScheduledJob, StoredMessage } from './store';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

// A database round trip: the engine must never hold a reference into the store. v8 serialisation keeps Dates.
function deepCopy<T>(value: T): T {
    return deserialize(serialize(value)) as T;
}

export interface HostStartOptions {
    zipPath: string;
    siteUrl?: string;
    language?: string;
    // Applied after install through the engine, as an admin would (onSettingUpdated fires for each).
    appSettings?: Record<string, unknown>;
    // Further server settings the app may read (Site_Url and Language come from the options above).
    serverSettings?: Record<string, unknown>;
    // Also print the engine's console output (it is always captured in logLines()).
    echoConsole?: boolean;
}

export interface NewUser {
    id?: string;
    username: string;
    name?: string;
    email?: string;
    roles?: string[];
    type?: 'user' | 'bot' | 'app';
}

export interface NewRoom {
    id?: string;
    name: string;
    type?: 'c' | 'p' | 'd';
    creator: IUser;
    members?: IUser[];
}

export interface EndpointCall {
    method?: string;
    headers?: Record<string, string>;
    content?: unknown;
    query?: Record<string, string>;
}

export interface EndpointResult {
    status: number;
    content?: unknown;
    headers?: Record<string, string>;
}

export interface JobRun {
    jobId: string;
    processorId: string;
    ok: boolean;
    error?: string;
}

class MemoryMetadataStorage extends AppMetadataStorage {
    constructor(private readonly store: HostStore) {
        super('memory');
    }

    public async create(item: IAppStorageItem): Promise<IAppStorageItem> {
        // The installation id: it is also the hash in the app's private endpoint URLs.
        const stored = { ...deepCopy(item), _id: item._id ?? randomBytes(12).toString('hex'), createdAt: new Date() };
        this.store.apps.set(stored.id, stored);

        return deepCopy(stored);
    }

    public async retrieveOne(id: string): Promise<IAppStorageItem | null> {
        const item = this.store.apps.get(id);

        return item ? deepCopy(item) : null;
    }

    public async retrieveAll(): Promise<Map<string, IAppStorageItem>> {
        return new Map([...this.store.apps].map(([id, item]) => [id, deepCopy(item)]));
    }

    public async retrieveAllPrivate(): Promise<Map<string, IAppStorageItem>> {
        return this.retrieveAll();
    }

    public async remove(id: string): Promise<{ success: boolean }> {
        return { success: this.store.apps.delete(id) };
    }

    public async updatePartialAndReturnDocument(item: Partial<IAppStorageItem>): Promise<IAppStorageItem> {
        const existing = this.byInstallationId(item._id);
        const updated = { ...existing, ...deepCopy(item), updatedAt: new Date() } as IAppStorageItem;
        this.store.apps.set(updated.id, updated);

        return deepCopy(updated);
    }

    public async updateStatus(installationId: string, status: AppStatus): Promise<boolean> {
        this.byInstallationId(installationId).status = status;

        return true;
    }

    public async updateSetting(installationId: string, setting: ISetting): Promise<boolean> {
        this.byInstallationId(installationId).settings[setting.id] = deepCopy(setting);

        return true;
    }

    public async updateAppInfo(installationId: string, info: IAppInfo): Promise<boolean> {
        this.byInstallationId(installationId).info = deepCopy(info);

        return true;
    }

    public async updateMarketplaceInfo(installationId: string, marketplaceInfo: IMarketplaceInfo[]): Promise<boolean> {
        this.byInstallationId(installationId).marketplaceInfo = deepCopy(marketplaceInfo);

        return true;
    }

    private byInstallationId(installationId: string | undefined): IAppStorageItem {
        const item = [...this.store.apps.values()].find((candidate) => candidate._id === installationId);
        if (!item) {
            throw new Error(`No installed app with installation id ${installationId}`);
        }

        return item;
    }
}

class MemorySourceStorage extends AppSourceStorage {
    constructor(private readonly packages: HostStore['appPackages']) {
        super();
    }

    public async store(item: IAppStorageItem, zip: Buffer): Promise<string> {
        this.packages.set(item.id, Buffer.from(zip));

        return `memory://${item.id}`;
    }

    public async fetch(item: IAppStorageItem): Promise<Buffer> {
        return this.packages.get(item.id) as Buffer;
    }

    public async update(item: IAppStorageItem, zip: Buffer): Promise<string> {
        return this.store(item, zip);
    }

    public async remove(item: IAppStorageItem): Promise<void> {
        this.packages.delete(item.id);
    }
}

class CapturingLogStorage extends AppLogStorage {
    constructor(
        private readonly store: HostStore,
        private readonly onEntry: (entry: ILoggerStorageEntry) => void,
    ) {
        super('memory');
    }

    public async findPaginated(): Promise<{ logs: ILoggerStorageEntry[]; total: number }> {
        return { logs: [...this.store.appLogs], total: this.store.appLogs.length };
    }

    public async storeEntries(entry: ILoggerStorageEntry): Promise<ILoggerStorageEntry> {
        this.store.appLogs.push(entry);
        this.onEntry(entry);

        return entry;
    }

    public async getEntriesFor(appId: string): Promise<ILoggerStorageEntry[]> {
        return this.store.appLogs.filter((entry) => entry.appId === appId);
    }

    public async removeEntriesFor(appId: string): Promise<void> {
        const kept = this.store.appLogs.filter((entry) => entry.appId !== appId);
        this.store.appLogs.splice(0, this.store.appLogs.length, ...kept);
    }
}

function describeArgument(value: unknown): string {
    return typeof value === 'string' ? value : format('%o', value);
}

// Process-wide plumbing shared by every live host: the console tap, the unhandled-rejection sink, NODE_ENV and
// AppManager.Instance. Each is installed by the first host that starts and undone by the last one that stops.
const liveHosts = new Set<AppsEngineHost>();
const CONSOLE_LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;
let originalConsole: Partial<Record<(typeof CONSOLE_LEVELS)[number], (...args: unknown[]) => void>> = {};
let savedNodeEnv: string | undefined;
const onUnhandledRejection = (reason: unknown) => {
    const text = reason instanceof Error ? (reason.stack ?? reason.message) : describeArgument(reason);
    liveHosts.forEach((host) => host.recordLine(`[unhandledRejection] ${text}`));
};

function installProcessHooks(): void {
    // The engine skips every permission check when NODE_ENV is "test", which jest sets by default; a host that
    // kept it would let an app do what the server forbids. It is read on each check, so changing it here works.
    savedNodeEnv = process.env.NODE_ENV;
    if (process.env.NODE_ENV === 'test') {
        process.env.NODE_ENV = 'development';
    }

    for (const level of CONSOLE_LEVELS) {
        originalConsole[level] = console[level];
        console[level] = (...args: unknown[]) => {
            const line = `[console.${level}] ${args.map(describeArgument).join(' ')}`;
            liveHosts.forEach((host) => host.recordLine(line));
            if ([...liveHosts].some((host) => host.echoesConsole())) {
                originalConsole[level]?.apply(console, args);
            }
        };
    }

    // The server fires IPostMessageSent and friends without awaiting them; what an app throws there ends as an
    // unhandled rejection, which the server logs. Record it instead of letting it kill the test process.
    process.on('unhandledRejection', onUnhandledRejection);
}

function removeProcessHooks(): void {
    for (const level of CONSOLE_LEVELS) {
        console[level] = originalConsole[level] as never;
    }

    originalConsole = {};
    process.off('unhandledRejection', onUnhandledRejection);
    if (savedNodeEnv === undefined) {
        delete process.env.NODE_ENV;
    } else {
        process.env.NODE_ENV = savedNodeEnv;
    }
}

// Runs one packaged app in the real Apps-Engine (AppManager + the Deno subprocess) against in-memory bridges.
// Several hosts may run in one process and share a HostStore: they then behave like instances of one cluster.
export class AppsEngineHost {
    public readonly store: HostStore;

    private manager?: AppManager;
    private options?: HostStartOptions;
    private appIdValue?: string;
    private tempDir?: string;
    private readonly lines: string[] = [];
    private readonly calls = new BridgeCallLog();
    private readonly context: HostContext;

    constructor(store: HostStore = new HostStore()) {
        this.store = store;
        this.context = {
            store,
            manager: () => this.engine(),
            serverSettings: new Map(),
            endpoints: new Map(),
            commands: new Map(),
            processors: new Map(),
            uiInteractions: [],
        };
    }

    public get appId(): string {
        if (!this.appIdValue) {
            throw new Error('The host has not started an app yet');
        }

        return this.appIdValue;
    }

    public async start(options: HostStartOptions): Promise<void> {
        if (this.manager) {
            throw new Error('The host is already running; stop() it first');
        }

        this.options = options;
        this.prepareProcess();
        this.setServerSettings(options);
        this.tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apps-engine-host-'));
        this.manager = this.createManager();

        // Apps already in the store (a restart, or a second instance of a cluster) load as the server loads them
        // at boot; otherwise the package is installed like an admin upload.
        await this.manager.load();
        await this.manager.enableAll();
        const zip = fs.readFileSync(options.zipPath);
        const { info } = await this.manager.getParser().unpackageApp(zip);
        if (!this.store.apps.has(info.id)) {
            await this.install(zip, info.permissions ?? []);
        }

        this.appIdValue = info.id;
        const status = await this.engine().getOneById(info.id).getStatus();
        if (!AppStatusUtils.isEnabled(status)) {
            throw new Error(`App ${info.id} did not start (status ${status}); see logLines()`);
        }

        for (const [id, value] of Object.entries(options.appSettings ?? {})) {
            await this.setAppSetting(id, value);
        }
    }

    // Kills the Deno subprocess the way a server shutdown does: no disable, no uninstall, so everything kept in the
    // store (app status, settings, persistence, jobs) is there for the next start.
    public async stop(): Promise<void> {
        const manager = this.manager;
        if (!manager) {
            return;
        }

        for (const app of await manager.get()) {
            const controller = app.getRuntimeController() as unknown as {
                livenessManager?: { stop(): void };
                stopApp(): Promise<void>;
            };
            controller.livenessManager?.stop();
            await controller.stopApp();
        }

        this.manager = undefined;
        this.context.endpoints.clear();
        this.context.commands.clear();
        this.context.processors.clear();
        this.releaseProcess(manager);
        fs.rmSync(this.tempDir!, { recursive: true, force: true });
    }

    // A server restart: a new AppManager and Deno process on the same store.
    public async restart(): Promise<void> {
        const options = this.options;
        if (!options) {
            throw new Error('The host was never started');
        }

        await this.stop();
        await this.start({ ...options, appSettings: undefined });
    }

    public engine(): AppManager {
        if (!this.manager) {
            throw new Error('The host is not running');
        }

        return this.manager;
    }

    // ---- users and rooms -------------------------------------------------------------------------------------

    public createUser(user: NewUser): IUser {
        const id = user.id ?? this.store.nextId('user');
        const now = new Date();
        const created: IUser = {
            id,
            username: user.username,
            name: user.name ?? user.username,
            emails: [{ address: user.email ?? `${user.username}@example.test`, verified: true }],
            type: (user.type ?? 'user') as UserType,
            isEnabled: true,
            roles: user.roles ?? ['user'],
            status: 'online',
            active: true,
            utcOffset: 0,
            createdAt: now,
            updatedAt: now,
            lastLoginAt: now,
        } as unknown as IUser;
        this.store.users.set(id, created);

        return created;
    }

    public createRoom(room: NewRoom): IRoom {
        const id = room.id ?? this.store.nextId('room');
        const members = [room.creator, ...(room.members ?? [])].map((member) => member.id);
        const created = {
            id,
            slugifiedName: room.name,
            displayName: room.name,
            type: (room.type ?? 'c') as RoomType,
            creator: room.creator,
            userIds: [...new Set(members)],
            isDefault: false,
            isReadOnly: false,
            displaySystemMessages: true,
            messageCount: 0,
            createdAt: new Date(),
            updatedAt: new Date(),
        } as IRoom;
        this.store.rooms.set(id, created);

        return created;
    }

    public appUser(): IUser | undefined {
        return [...this.store.users.values()].find((user) => (user as IUser & { appId?: string }).appId === this.appId);
    }

    // ---- messages --------------------------------------------------------------------------------------------

    // Saves a message as a user's post and fires IPostMessageSent like the server: without waiting for the app.
    // Use waitFor() for the effect you expect.
    public sendMessage(input: { room: IRoom; sender: IUser; text?: string; threadId?: string }): StoredMessage {
        const id = this.store.nextId('msg');
        const message: StoredMessage = {
            id,
            room: input.room,
            sender: input.sender,
            text: input.text,
            threadId: input.threadId,
            createdAt: new Date(),
            createdBy: 'host',
            updatedCount: 0,
        };
        this.store.messages.set(id, message);
        void this.engine().getListenerManager().executeListener(AppInterface.IPostMessageSent, this.asEvent(message));

        return message;
    }

    // Edits a stored message and fires IPostMessageUpdated (also fire-and-forget on the server).
    public editMessage(messageId: string, text: string): StoredMessage {
        const existing = this.store.messages.get(messageId);
        if (!existing) {
            throw new Error(`No message ${messageId}`);
        }

        const edited = {
            ...existing,
            text,
            updatedAt: new Date(),
            editedAt: new Date(),
            editor: existing.sender,
            updatedCount: existing.updatedCount + 1,
        };
        this.store.messages.set(messageId, edited);
        void this.engine().getListenerManager().executeListener(AppInterface.IPostMessageUpdated, this.asEvent(edited));

        return edited;
    }

    public messages(filter: { roomId?: string; createdBy?: 'host' | 'app' } = {}): StoredMessage[] {
        return [...this.store.messages.values()].filter(
            (message) =>
                (!filter.roomId || message.room.id === filter.roomId) &&
                (!filter.createdBy || message.createdBy === filter.createdBy),
        );
    }

    public threadOf(messageId: string): StoredMessage[] {
        return this.messages().filter((message) => message.threadId === messageId);
    }

    public ephemerals(user?: IUser): Ephemeral[] {
        return this.store.ephemerals.filter((notice) => !user || notice.userId === user.id);
    }

    public uiInteractions(): Array<{ userId: string; interaction: unknown }> {
        return [...this.context.uiInteractions];
    }

    // ---- commands, endpoints, UIKit --------------------------------------------------------------------------

    public async runCommand(
        command: string,
        args: string[],
        context: { sender: IUser; room: IRoom; threadId?: string; triggerId?: string },
    ): Promise<void> {
        const slashContext = new SlashCommandContext(
            context.sender,
            context.room,
            args,
            context.threadId,
            context.triggerId,
        );
        await this.engine().getCommandManager().executeCommand(command, slashContext);
    }

    public endpointPaths(): string[] {
        return [...this.context.endpoints.values()].filter((e) => e.appId === this.appId).map((e) => e.computedPath);
    }

    // `endpointPath` is either the endpoint's own path ("echo") or its computed path ("/api/apps/public/<id>/echo").
    public async callEndpoint(endpointPath: string, call: EndpointCall = {}): Promise<EndpointResult> {
        const endpoint = [...this.context.endpoints.values()].find(
            (candidate) =>
                candidate.appId === this.appId &&
                (candidate.computedPath === endpointPath || candidate.path === endpointPath),
        );
        const privateHash = endpoint?.computedPath.startsWith('/api/apps/private/')
            ? endpoint.computedPath.split('/')[5]
            : undefined;
        const headers = Object.fromEntries(
            Object.entries(call.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]),
        );
        const request = {
            method: (call.method ?? 'POST').toLowerCase(),
            headers,
            query: call.query ?? {},
            params: {},
            content: call.content,
            privateHash,
        };
        const response = await this.engine()
            .getApiManager()
            .executeApi(this.appId, endpoint?.path ?? endpointPath, request as never);

        return response as EndpointResult;
    }

    public async blockAction(input: {
        actionId: string;
        blockId: string;
        value?: string;
        user: IUser;
        room?: IRoom;
        message?: IMessage;
        triggerId?: string;
    }): Promise<unknown> {
        return this.engine()
            .getListenerManager()
            .executeListener(AppInterface.IUIKitInteractionHandler, {
                type: UIKitIncomingInteractionType.BLOCK,
                appId: this.appId,
                actionId: input.actionId,
                triggerId: input.triggerId ?? randomBytes(8).toString('hex'),
                user: input.user,
                room: input.room,
                message: input.message,
                container: input.message ? { type: 'message', id: input.message.id } : undefined,
                payload: { blockId: input.blockId, value: input.value },
            } as never);
    }

    public async viewSubmit(input: {
        view: object;
        user: IUser;
        actionId?: string;
        triggerId?: string;
    }): Promise<unknown> {
        return this.engine()
            .getListenerManager()
            .executeListener(AppInterface.IUIKitInteractionHandler, {
                type: UIKitIncomingInteractionType.VIEW_SUBMIT,
                appId: this.appId,
                actionId: input.actionId ?? '',
                triggerId: input.triggerId ?? randomBytes(8).toString('hex'),
                user: input.user,
                payload: { view: input.view },
            } as never);
    }

    // ---- settings --------------------------------------------------------------------------------------------

    // An admin's edit: through the settings manager, so the app's onSettingUpdated fires.
    public async setAppSetting(id: string, value: unknown): Promise<void> {
        const settings = this.engine().getSettingsManager();
        const current = settings.getAppSetting(this.appId, id);
        await settings.updateAppSetting(this.appId, { ...current, value } as ISetting);
    }

    // The stored value, including what the app wrote itself (environmentWriter.getSettings().updateValue()).
    public getAppSetting(id: string): unknown {
        return this.store.apps.get(this.appId)?.settings[id]?.value;
    }

    public setServerSetting(id: string, value: unknown): void {
        this.context.serverSettings.set(id, value);
    }

    // ---- scheduler -------------------------------------------------------------------------------------------

    public now(): Date {
        return new Date(this.store.clock.now.getTime());
    }

    public jobs(): ScheduledJob[] {
        return [...this.store.jobs.values()].map((job) => ({ ...job, data: deepCopy(job.data) }));
    }

    public async advance(ms: number): Promise<JobRun[]> {
        return this.runDueJobs(new Date(this.store.clock.now.getTime() + ms));
    }

    // Runs every job due at `now` (default: the store's clock) through the engine's processor wrapper, which is what
    // the server's scheduler calls; waits for each. A one-time job is removed only when its processor resolves; a
    // failed one stays in jobs() with lastError and is not retried on its own. Recurring jobs move to now + interval.
    public async runDueJobs(now?: Date): Promise<JobRun[]> {
        if (now && now > this.store.clock.now) {
            this.store.clock.now = new Date(now.getTime());
        }

        const due = [...this.store.jobs.values()]
            .filter((job) => !job.lastError || job.kind === 'recurring')
            .filter((job) => job.nextRunAt <= this.store.clock.now && this.context.processors.has(job.processorId))
            .sort((a, b) => a.nextRunAt.getTime() - b.nextRunAt.getTime());
        const runs: JobRun[] = [];

        for (const job of due) {
            const processor = this.context.processors.get(job.processorId)!;
            job.runs += 1;
            try {
                await processor.run(
                    { ...deepCopy(job.data), jobId: job.jobId } as never,
                    undefined as never,
                    undefined as never,
                    undefined as never,
                    undefined as never,
                );
                if (job.kind === 'once') {
                    this.store.jobs.delete(job.jobId);
                } else {
                    job.nextRunAt = new Date(this.store.clock.now.getTime() + job.intervalMs!);
                }

                runs.push({ jobId: job.jobId, processorId: job.processorId, ok: true });
            } catch (error) {
                job.lastError = (error as Error).message;
                runs.push({ jobId: job.jobId, processorId: job.processorId, ok: false, error: job.lastError });
            }
        }

        return runs;
    }

    // ---- observation -----------------------------------------------------------------------------------------

    // App log entries (the Logs tab) and everything the engine wrote to the console, in order.
    public logLines(): string[] {
        return [...this.lines];
    }

    // Every request the app's Deno process sent the server since the last reset: the app's accessor round trips.
    public appRequests(): AppRequest[] {
        return this.calls.appRequests();
    }

    public bridgeCalls(options: { includeEngine?: boolean } = {}): BridgeCall[] {
        return this.calls.list(options);
    }

    public resetBridgeCalls(): void {
        this.calls.reset();
    }

    public async waitFor<T>(
        probe: () => T | undefined | null | false,
        timeoutMs = 5000,
        label = 'condition',
    ): Promise<T> {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const value = probe();
            if (value) {
                return value;
            }

            if (Date.now() > deadline) {
                throw new Error(
                    `Timed out after ${timeoutMs} ms waiting for ${label}; log:\n${this.lines.slice(-20).join('\n')}`,
                );
            }

            await new Promise((resolve) => setTimeout(resolve, 20));
        }
    }

    /** @internal */
    public recordLine(line: string): void {
        this.lines.push(line);
    }

    /** @internal */
    public echoesConsole(): boolean {
        return Boolean(this.options?.echoConsole);
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private createManager(): AppManager {
        // AppManager refuses a second instance (AppManager.Instance) and the engine's permission checks look the
        // app up through that instance. Clear it to build this host's manager, then keep the older live one: every
        // host of a cluster runs the same app with the same granted permissions, so either answers alike.
        const previous = AppManager.Instance;
        (AppManager as unknown as { Instance?: AppManager }).Instance = undefined;
        const manager = new AppManager({
            metadataStorage: new MemoryMetadataStorage(this.store),
            logStorage: new CapturingLogStorage(this.store, (entry) => this.recordAppLog(entry)),
            bridges: new HostBridges(this.context, this.calls),
            sourceStorage: new MemorySourceStorage(this.store.appPackages),
            tempFilePath: this.tempDir!,
        });
        if (previous && [...liveHosts].some((host) => host !== this && host.manager === previous)) {
            AppManager.Instance = previous;
        }

        return manager;
    }

    private async install(zip: Buffer, permissionsGranted: IPermission[]): Promise<void> {
        const installer = this.createUser({
            username: `installer-${randomBytes(3).toString('hex')}`,
            roles: ['admin'],
        });
        const result = await this.engine().add(zip, { enable: true, user: installer, permissionsGranted });
        if (result.getStorageError()) {
            throw new Error(`Install failed: ${result.getStorageError()}`);
        }
    }

    private setServerSettings(options: HostStartOptions): void {
        const defaults: Record<string, unknown> = {
            Site_Url: options.siteUrl ?? 'http://localhost:3000',
            Language: options.language ?? 'en',
            Site_Name: 'Rocket.Chat',
            UTF8_User_Names_Validation: '[0-9a-zA-Z-_.]+',
            Message_MaxAllowedSize: 5000,
        };
        for (const [id, value] of Object.entries({ ...defaults, ...options.serverSettings })) {
            this.context.serverSettings.set(id, value);
        }
    }

    private prepareProcess(): void {
        // The engine spawns `deno` by name from PATH; the npm package puts it in node_modules/.bin.
        const binDir = path.join(PROJECT_ROOT, 'node_modules', '.bin');
        if (!(process.env.PATH ?? '').split(path.delimiter).includes(binDir)) {
            process.env.PATH = `${binDir}${path.delimiter}${process.env.PATH ?? ''}`;
        }

        if (liveHosts.size === 0) {
            installProcessHooks();
        }

        liveHosts.add(this);
    }

    private releaseProcess(manager: AppManager): void {
        liveHosts.delete(this);
        if (AppManager.Instance === manager) {
            const successor = [...liveHosts].find((host) => host.manager)?.manager;
            (AppManager as unknown as { Instance?: AppManager }).Instance = successor;
        }

        if (liveHosts.size === 0) {
            removeProcessHooks();
        }
    }

    private recordAppLog(entry: ILoggerStorageEntry): void {
        for (const logEntry of entry.entries) {
            const args = (logEntry.args ?? []).map(describeArgument).join(' ');
            this.lines.push(`[app:${entry.method}] ${logEntry.severity}: ${args}`);
        }
    }

    // What the engine hands to listeners: the stored message without the host's bookkeeping fields.
    private asEvent(message: StoredMessage): IMessage {
        const { createdBy: _createdBy, updatedCount: _updatedCount, ...event } = message;

        return event;
    }
}
