import * as http from 'http';
import * as https from 'https';

import type { IHttpResponse } from '@rocket.chat/apps-engine/definition/accessors';
import { AppInterface } from '@rocket.chat/apps-engine/definition/metadata';
import type { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { IProcessor, IOnetimeSchedule, IRecurringSchedule } from '@rocket.chat/apps-engine/definition/scheduler';
import { SettingType, type ISetting } from '@rocket.chat/apps-engine/definition/settings';
import type { ISlashCommand } from '@rocket.chat/apps-engine/definition/slashcommands';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import type { AppManager } from '@rocket.chat/apps-engine/server/AppManager';
import {
    ApiBridge,
    AppActivationBridge,
    AppBridges,
    AppDetailChangesBridge,
    CloudWorkspaceBridge,
    CommandBridge,
    ContactBridge,
    EmailBridge,
    EnvironmentalVariableBridge,
    ExperimentalBridge,
    HttpBridge,
    LivechatBridge,
    MessageBridge,
    ModerationBridge,
    OutboundMessageBridge,
    PersistenceBridge,
    RoleBridge,
    RoomBridge,
    SchedulerBridge,
    ServerSettingBridge,
    UiInteractionBridge,
    UploadBridge,
    UserBridge,
    VideoConferenceBridge,
    type IHttpBridgeRequestInfo,
    type IInternalBridge,
    type IInternalFederationBridge,
    type IListenerBridge,
} from '@rocket.chat/apps-engine/server/bridges';
// Not re-exported from server/bridges in 1.62.0.
import { OAuthAppsBridge } from '@rocket.chat/apps-engine/server/bridges/OAuthAppsBridge';
import { ThreadBridge } from '@rocket.chat/apps-engine/server/bridges/ThreadBridge';
import type { AppApi } from '@rocket.chat/apps-engine/server/managers/AppApi';
import type { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

import { BridgeCallLog } from './bridge-calls';
import { parseWhen, parseInterval } from './schedule-time';
import { cloneJson, HostStore, type PersistedRecord, type StoredMessage } from './store';

// Everything a bridge needs from the host that owns it, besides the shared store.
export interface HostContext {
    store: HostStore;
    manager: () => AppManager;
    serverSettings: Map<string, unknown>;
    endpoints: Map<string, { appId: string; path: string; computedPath: string; methods: string[] }>;
    commands: Map<string, { appId: string; command: ISlashCommand; enabled: boolean }>;
    processors: Map<string, { appId: string; run: IProcessor['processor'] }>;
    uiInteractions: Array<{ userId: string; interaction: unknown }>;
}

function notImplemented(bridge: string, method: string): never {
    throw new Error(`${bridge}.${method} is not implemented in test host`);
}

// Bridges no test needs: any call the engine does not implement itself throws a plain, named error.
function unimplementedBridge<T extends object>(Base: abstract new () => T, name: string): T {
    const Concrete = class extends (Base as unknown as new () => object) {} as unknown as new () => T;

    return new Proxy(new Concrete(), {
        get(target, prop, receiver) {
            if (typeof prop === 'string' && !(prop in target) && prop !== 'then') {
                return () => notImplemented(name, prop);
            }

            return Reflect.get(target, prop, receiver);
        },
    });
}

// Associations cross the Deno boundary as plain JSON ({ model, id }), not as RocketChatAssociationRecord instances.
function associationKeys(associations: Array<RocketChatAssociationRecord>): string[] {
    return associations.map((association) => {
        const plain = association as unknown as { model: string; id: string };

        return typeof association.getModel === 'function'
            ? `${association.getModel()}:${association.getID()}`
            : `${plain.model}:${plain.id}`;
    });
}

function matchesAll(record: PersistedRecord, keys: string[]): boolean {
    return keys.every((key) => record.associations.includes(key));
}

class MemoryPersistenceBridge extends PersistenceBridge {
    constructor(private readonly store: HostStore) {
        super();
    }

    protected async purge(appId: string): Promise<void> {
        for (const [id, record] of this.store.persistence) {
            if (record.appId === appId) {
                this.store.persistence.delete(id);
            }
        }
    }

    protected async create(data: object, appId: string): Promise<string> {
        return this.createWithAssociations(data, [], appId);
    }

    protected async createWithAssociations(data: object, associations: RocketChatAssociationRecord[], appId: string) {
        const id = this.store.nextId('persist');
        this.store.persistence.set(id, {
            id,
            appId,
            associations: associationKeys(associations),
            data: cloneJson(data),
        });

        return id;
    }

    protected async readById(id: string, appId: string): Promise<object> {
        const record = this.store.persistence.get(id);

        return record && record.appId === appId ? cloneJson(record.data) : (undefined as unknown as object);
    }

    protected async readByAssociations(associations: RocketChatAssociationRecord[], appId: string): Promise<object[]> {
        return this.find(associations, appId).map((record) => cloneJson(record.data));
    }

    protected async remove(id: string, appId: string): Promise<object | undefined> {
        const record = this.store.persistence.get(id);
        if (!record || record.appId !== appId) {
            return undefined;
        }

        this.store.persistence.delete(id);

        return cloneJson(record.data);
    }

    protected async removeByAssociations(associations: RocketChatAssociationRecord[], appId: string) {
        const removed = this.find(associations, appId);
        removed.forEach((record) => this.store.persistence.delete(record.id));

        return removed.length > 0 ? removed.map((record) => cloneJson(record.data)) : undefined;
    }

    protected async update(id: string, data: object, upsert: boolean, appId: string): Promise<string> {
        const record = this.store.persistence.get(id);
        if (!record && !upsert) {
            throw new Error(`Persistence record ${id} not found`);
        }

        this.store.persistence.set(id, { id, appId, associations: record?.associations ?? [], data: cloneJson(data) });

        return id;
    }

    protected async updateByAssociations(
        associations: RocketChatAssociationRecord[],
        data: object,
        upsert: boolean,
        appId: string,
    ): Promise<string> {
        const [existing] = this.find(associations, appId);
        if (existing) {
            existing.data = cloneJson(data);

            return existing.id;
        }

        if (!upsert) {
            throw new Error('No persistence record matches the associations');
        }

        return this.createWithAssociations(data, associations, appId);
    }

    private find(associations: RocketChatAssociationRecord[], appId: string): PersistedRecord[] {
        const keys = associationKeys(associations);

        return [...this.store.persistence.values()].filter(
            (record) => record.appId === appId && matchesAll(record, keys),
        );
    }
}

class MemorySchedulerBridge extends SchedulerBridge {
    constructor(private readonly host: HostContext) {
        super();
    }

    protected async registerProcessors(processors: IProcessor[], appId: string): Promise<string[]> {
        for (const processor of processors) {
            this.host.processors.set(processor.id, { appId, run: processor.processor });
        }

        // Startup jobs, as the server does it: a one-time job only if none is pending for that processor (so a
        // restart does not duplicate it), a recurring one is upserted by processor id.
        const jobIds: string[] = [];
        for (const { id, startupSetting } of processors) {
            if (startupSetting?.type === 'onetime') {
                const pending = [...this.host.store.jobs.values()].some((job) => job.processorId === id);
                if (!pending) {
                    jobIds.push(
                        await this.scheduleOnce({ id, when: startupSetting.when, data: startupSetting.data }, appId),
                    );
                }
            } else if (startupSetting?.type === 'recurring') {
                jobIds.push(
                    await this.scheduleRecurring(
                        {
                            id,
                            interval: startupSetting.interval,
                            skipImmediate: startupSetting.skipImmediate,
                            data: startupSetting.data,
                        },
                        appId,
                    ),
                );
            }
        }

        return jobIds;
    }

    protected async scheduleOnce(job: IOnetimeSchedule, appId: string): Promise<string> {
        const jobId = this.host.store.nextId('job');
        const nextRunAt = parseWhen(job.when, this.host.store.clock.now);
        this.host.store.jobs.set(jobId, {
            jobId,
            appId,
            processorId: job.id,
            kind: 'once',
            nextRunAt,
            data: cloneJson((job.data ?? {}) as Record<string, unknown>),
            runs: 0,
        });

        return jobId;
    }

    protected async scheduleRecurring(job: IRecurringSchedule, appId: string): Promise<string> {
        const intervalMs = parseInterval(job.interval);
        const existing = [...this.host.store.jobs.values()].find(
            (j) => j.kind === 'recurring' && j.processorId === job.id,
        );
        const jobId = existing?.jobId ?? this.host.store.nextId('job');
        const now = this.host.store.clock.now.getTime();
        const nextRunAt = new Date(job.skipImmediate ? now + intervalMs : now);
        this.host.store.jobs.set(jobId, {
            jobId,
            appId,
            processorId: job.id,
            kind: 'recurring',
            nextRunAt,
            intervalMs,
            data: cloneJson((job.data ?? {}) as Record<string, unknown>),
            runs: existing?.runs ?? 0,
        });

        return jobId;
    }

    // The engine passes the processor id (`<id>_<appId>`) here, not the id scheduleOnce returned: like the server,
    // cancel every job of that processor, and also accept a job id.
    protected async cancelJob(jobId: string, appId: string): Promise<void> {
        for (const job of [...this.host.store.jobs.values()]) {
            if (job.appId === appId && (job.processorId === jobId || job.jobId === jobId)) {
                this.host.store.jobs.delete(job.jobId);
            }
        }
    }

    protected async cancelAllJobs(appId: string): Promise<void> {
        for (const job of [...this.host.store.jobs.values()]) {
            if (job.appId === appId) {
                this.host.store.jobs.delete(job.jobId);
            }
        }
    }
}

class MemoryMessageBridge extends MessageBridge {
    constructor(private readonly store: HostStore) {
        super();
    }

    protected async create(message: IMessage, _appId: string): Promise<string> {
        const id = this.store.nextId('msg');
        this.store.messages.set(id, { ...message, id, createdAt: new Date(), createdBy: 'app', updatedCount: 0 });

        return id;
    }

    protected async update(message: IMessage, _appId: string): Promise<void> {
        const existing = message.id ? this.store.messages.get(message.id) : undefined;
        if (!existing) {
            throw new Error(`Message ${message.id} not found`);
        }

        this.store.messages.set(existing.id, {
            ...existing,
            ...message,
            id: existing.id,
            updatedAt: new Date(),
            createdBy: existing.createdBy,
            updatedCount: existing.updatedCount + 1,
        });
    }

    protected async notifyUser(user: IUser, message: IMessage, _appId: string): Promise<void> {
        this.store.ephemerals.push({
            userId: user.id,
            username: user.username,
            roomId: message.room?.id,
            text: message.text,
            blocks: message.blocks,
            message,
        });
    }

    protected async notifyRoom(room: IRoom, message: IMessage, _appId: string): Promise<void> {
        for (const userId of room.userIds ?? []) {
            const user = this.store.users.get(userId);
            this.store.ephemerals.push({
                userId,
                username: user?.username ?? userId,
                roomId: room.id,
                text: message.text,
                blocks: message.blocks,
                message,
            });
        }
    }

    protected async typing(): Promise<void> {
        // Typing indicators have no lasting effect a test could observe.
    }

    protected async getById(messageId: string, _appId: string): Promise<IMessage> {
        return this.store.messages.get(messageId) as IMessage;
    }

    protected async delete(message: IMessage, _user: IUser, _appId: string): Promise<void> {
        this.store.messages.delete(message.id!);
    }

    // Stored in the message's reactions map (emoji -> [{ usernames }]), one entry per emoji.
    protected async addReaction(messageId: string, userId: string, reaction: string): Promise<void> {
        const message = this.store.messages.get(messageId);
        const username = this.store.users.get(userId)?.username ?? userId;
        if (message) {
            const reactions = message.reactions ?? {};
            const usernames = reactions[reaction]?.[0]?.usernames ?? [];
            reactions[reaction] = [{ usernames: [...usernames, username] }];
            message.reactions = reactions;
        }
    }

    protected async removeReaction(messageId: string, userId: string, reaction: string): Promise<void> {
        const reactions = this.store.messages.get(messageId)?.reactions;
        const username = this.store.users.get(userId)?.username ?? userId;
        if (reactions?.[reaction]) {
            reactions[reaction] = [
                { usernames: (reactions[reaction][0]?.usernames ?? []).filter((name) => name !== username) },
            ];
        }
    }
}

class MemoryThreadBridge extends ThreadBridge {
    constructor(private readonly store: HostStore) {
        super();
    }

    protected async getById(messageId: string, _appId: string): Promise<IMessage[]> {
        return [...this.store.messages.values()].filter((message) => message.threadId === messageId);
    }
}

class MemoryUserBridge extends UserBridge {
    constructor(private readonly store: HostStore) {
        super();
    }

    protected async getById(id: string): Promise<IUser> {
        return this.store.users.get(id) as IUser;
    }

    protected async getByUsername(username: string): Promise<IUser> {
        return [...this.store.users.values()].find((user) => user.username === username) as IUser;
    }

    protected async getAppUser(appId?: string): Promise<IUser | undefined> {
        return [...this.store.users.values()].find((user) => (user as IUser & { appId?: string }).appId === appId);
    }

    protected async getActiveUserCount(): Promise<number> {
        return [...this.store.users.values()].filter((user) => user.isEnabled).length;
    }

    protected async getUserUnreadMessageCount(): Promise<number> {
        return 0;
    }

    protected async getUserRoomIds(userId: string): Promise<string[]> {
        return [...this.store.rooms.values()].filter((room) => room.userIds?.includes(userId)).map((room) => room.id);
    }

    // Also how the engine creates the app's bot user (`<nameSlug>.bot`, type app) at install.
    protected async create(data: Partial<IUser>, _appId: string): Promise<string> {
        const id = data.id ?? this.store.nextId('user');
        const now = new Date();
        this.store.users.set(id, {
            emails: [],
            roles: [],
            isEnabled: true,
            status: 'online',
            utcOffset: 0,
            createdAt: now,
            updatedAt: now,
            lastLoginAt: now,
            ...data,
            id,
        } as IUser);

        return id;
    }

    protected async remove(user: IUser): Promise<boolean> {
        return this.store.users.delete(user.id);
    }

    protected async update(user: IUser, updates: Partial<IUser>): Promise<boolean> {
        const existing = this.store.users.get(user.id);
        if (existing) {
            this.store.users.set(user.id, { ...existing, ...updates, id: user.id, updatedAt: new Date() });
        }

        return Boolean(existing);
    }

    protected async deleteUsersCreatedByApp(appId: string): Promise<boolean> {
        for (const [id, user] of this.store.users) {
            if ((user as IUser & { appId?: string }).appId === appId) {
                this.store.users.delete(id);
            }
        }

        return true;
    }

    protected async deactivate(userId: string): Promise<boolean> {
        const user = this.store.users.get(userId);
        if (user) {
            user.isEnabled = false;
        }

        return Boolean(user);
    }
}

class MemoryRoomBridge extends RoomBridge {
    constructor(private readonly store: HostStore) {
        super();
    }

    protected async create(room: IRoom, members: string[]): Promise<string> {
        const id = room.id ?? this.store.nextId('room');
        const userIds = members.map((username) => this.userByName(username)?.id).filter((uid): uid is string => !!uid);
        this.store.rooms.set(id, { ...room, id, userIds: [...new Set([...(room.userIds ?? []), ...userIds])] });

        return id;
    }

    protected async getById(roomId: string): Promise<IRoom> {
        return this.store.rooms.get(roomId) as IRoom;
    }

    protected async getByName(roomName: string): Promise<IRoom> {
        return [...this.store.rooms.values()].find((room) => room.slugifiedName === roomName) as IRoom;
    }

    protected async getCreatorById(roomId: string): Promise<IUser | undefined> {
        return this.store.rooms.get(roomId)?.creator;
    }

    protected async getCreatorByName(roomName: string): Promise<IUser | undefined> {
        return (await this.getByName(roomName))?.creator;
    }

    protected async getDirectByUsernames(usernames: string[]): Promise<IRoom | undefined> {
        const ids = usernames.map((username) => this.userByName(username)?.id);

        return [...this.store.rooms.values()].find(
            (room) => room.type === 'd' && ids.every((id) => room.userIds?.includes(id!)),
        );
    }

    protected async getMembers(roomId: string): Promise<IUser[]> {
        const ids = this.store.rooms.get(roomId)?.userIds ?? [];

        return ids.map((id) => this.store.users.get(id)).filter((user): user is IUser => !!user);
    }

    protected async getAllRooms(): Promise<never[]> {
        return [...this.store.rooms.values()] as never[];
    }

    protected async update(room: IRoom, members: string[]): Promise<void> {
        const existing = this.store.rooms.get(room.id);
        const added = members.map((username) => this.userByName(username)?.id).filter((uid): uid is string => !!uid);
        this.store.rooms.set(room.id, {
            ...existing,
            ...room,
            userIds: [...new Set([...(room.userIds ?? []), ...added])],
        });
    }

    protected async createDiscussion(
        room: IRoom,
        _parent: IMessage | undefined,
        _reply: string | undefined,
        members: string[],
    ): Promise<string> {
        return this.create(room, members);
    }

    protected async delete(roomId: string): Promise<void> {
        this.store.rooms.delete(roomId);
    }

    protected async getModerators(): Promise<IUser[]> {
        return [];
    }

    protected async getOwners(roomId: string): Promise<IUser[]> {
        const creator = this.store.rooms.get(roomId)?.creator;

        return creator ? [creator] : [];
    }

    protected async getLeaders(): Promise<IUser[]> {
        return [];
    }

    protected async getMessages(roomId: string): Promise<never[]> {
        return [...this.store.messages.values()].filter((message) => message.room.id === roomId) as never[];
    }

    protected async removeUsers(roomId: string, usernames: string[]): Promise<void> {
        const room = this.store.rooms.get(roomId);
        const ids = usernames.map((username) => this.userByName(username)?.id);
        if (room) {
            room.userIds = (room.userIds ?? []).filter((id) => !ids.includes(id));
        }
    }

    protected async getUnreadByUser(): Promise<never[]> {
        return [];
    }

    protected async getUserUnreadMessageCount(): Promise<number> {
        return 0;
    }

    private userByName(username: string): IUser | undefined {
        return [...this.store.users.values()].find((user) => user.username === username);
    }
}

// Server settings the app may read (server-setting.read). Unknown ids read as undefined, like a missing setting.
class MemoryServerSettingBridge extends ServerSettingBridge {
    constructor(private readonly settings: Map<string, unknown>) {
        super();
    }

    protected async getAll(): Promise<ISetting[]> {
        return [...this.settings.keys()].map((id) => this.asSetting(id));
    }

    protected async getOneById(id: string): Promise<ISetting> {
        return (this.settings.has(id) ? this.asSetting(id) : undefined) as ISetting;
    }

    protected async hideGroup(): Promise<void> {
        // Hiding only affects the admin UI.
    }

    protected async hideSetting(): Promise<void> {
        // Hiding only affects the admin UI.
    }

    protected async isReadableById(id: string): Promise<boolean> {
        return this.settings.has(id);
    }

    protected async updateOne(setting: ISetting): Promise<void> {
        this.settings.set(setting.id, setting.value);
    }

    protected async incrementValue(id: string, value: number): Promise<void> {
        this.settings.set(id, Number(this.settings.get(id) ?? 0) + value);
    }

    private asSetting(id: string): ISetting {
        const value = this.settings.get(id);

        return {
            id,
            value,
            packageValue: value,
            type: SettingType.STRING,
            required: false,
            public: true,
            i18nLabel: id,
        };
    }
}

class MemoryCommandBridge extends CommandBridge {
    constructor(private readonly host: HostContext) {
        super();
    }

    protected async doesCommandExist(command: string): Promise<boolean> {
        return this.host.commands.has(command);
    }

    protected async enableCommand(command: string): Promise<void> {
        const registered = this.host.commands.get(command);
        if (registered) {
            registered.enabled = true;
        }
    }

    protected async disableCommand(command: string): Promise<void> {
        const registered = this.host.commands.get(command);
        if (registered) {
            registered.enabled = false;
        }
    }

    protected async modifyCommand(command: ISlashCommand, appId: string): Promise<void> {
        this.host.commands.set(command.command, { appId, command, enabled: true });
    }

    protected async registerCommand(command: ISlashCommand, appId: string): Promise<void> {
        this.host.commands.set(command.command, { appId, command, enabled: true });
    }

    protected async unregisterCommand(command: string): Promise<void> {
        this.host.commands.delete(command);
    }
}

class MemoryApiBridge extends ApiBridge {
    constructor(private readonly host: HostContext) {
        super();
    }

    protected async registerApi(api: AppApi, appId: string): Promise<void> {
        this.host.endpoints.set(api.computedPath, {
            appId,
            path: api.endpoint.path,
            computedPath: api.computedPath,
            methods: api.implementedMethods ?? [],
        });
    }

    protected async unregisterApis(appId: string): Promise<void> {
        for (const [path, endpoint] of this.host.endpoints) {
            if (endpoint.appId === appId) {
                this.host.endpoints.delete(path);
            }
        }
    }
}

const JSON_CONTENT_TYPES = [
    'application/json',
    'text/javascript',
    'application/javascript',
    'application/x-javascript',
];
const DEFAULT_HTTP_TIMEOUT_MS = 3 * 60 * 1000;

// Real HTTP, shaped like the Rocket.Chat server's AppHttpBridge: `content` wins over `data` (an object sent as JSON),
// params go to the query string (or a form body when there is no content), the default timeout is 3 minutes, and
// `data` is parsed only for JSON content types. Network failures and timeouts reject, so the app's http.post()
// throws, with the message wording of the server's fetch ("request to <url> failed, reason: ...").
class NodeHttpBridge extends HttpBridge {
    protected call(info: IHttpBridgeRequestInfo): Promise<IHttpResponse> {
        const { request, method } = info;
        const url = new URL(info.url);
        const headers: Record<string, string> = { ...(request.headers ?? {}) };
        const hasHeader = (name: string) => Object.keys(headers).some((key) => key.toLowerCase() === name);
        let body: string | undefined = request.content;

        if (body === undefined && request.data !== undefined && typeof request.data === 'object') {
            body = JSON.stringify(request.data);
            if (!hasHeader('content-type')) {
                headers['Content-Type'] = 'application/json';
            }
        }

        const params = Object.entries(request.params ?? {}).filter(([, value]) => value);
        if (body !== undefined || ['GET', 'HEAD'].includes(method.toUpperCase())) {
            params.forEach(([key, value]) => url.searchParams.append(key, String(value)));
        } else if (params.length > 0) {
            body = new URLSearchParams(
                params.map(([key, value]) => [key, String(value)] as [string, string]),
            ).toString();
            headers['Content-Type'] = 'application/x-www-form-urlencoded';
        }

        if (['GET', 'HEAD'].includes(method.toUpperCase())) {
            body = undefined;
        }

        if (request.auth) {
            headers.Authorization = `Basic ${Buffer.from(request.auth, 'ascii').toString('base64')}`;
        }

        const timeoutMs = request.timeout || DEFAULT_HTTP_TIMEOUT_MS;
        const client = url.protocol === 'https:' ? https : http;

        return new Promise<IHttpResponse>((resolve, reject) => {
            const outgoing = client.request(url, { method: method.toUpperCase(), headers }, (incoming) => {
                const chunks: Buffer[] = [];
                incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
                incoming.on('error', (error) => fail(error));
                incoming.on('end', () => {
                    clearTimeout(timer);
                    const content = Buffer.concat(chunks).toString((request.encoding as BufferEncoding) || 'utf8');
                    const responseHeaders = Object.fromEntries(
                        Object.entries(incoming.headers).map(([key, value]) => [
                            key,
                            Array.isArray(value) ? value.join(', ') : String(value),
                        ]),
                    );
                    const contentType = (responseHeaders['content-type'] ?? '').split(';')[0].trim();
                    let data: unknown = null;
                    if (JSON_CONTENT_TYPES.includes(contentType)) {
                        try {
                            data = JSON.parse(content);
                        } catch {
                            data = null;
                        }
                    }

                    resolve({
                        url: info.url,
                        method,
                        statusCode: incoming.statusCode ?? 0,
                        headers: responseHeaders,
                        content,
                        data,
                    });
                });
            });
            const fail = (error: Error) => {
                clearTimeout(timer);
                reject(new Error(`request to ${info.url} failed, reason: ${error.message}`));
            };
            const timer = setTimeout(() => {
                outgoing.destroy();
                reject(new Error(`network timeout at: ${info.url}`));
            }, timeoutMs);

            outgoing.on('error', fail);
            outgoing.end(body);
        });
    }
}

class HostListenerBridge implements IListenerBridge {
    constructor(private readonly host: HostContext) {}

    public async messageEvent(int: AppInterface, message: IMessage) {
        return this.host
            .manager()
            .getListenerManager()
            .executeListener(int as never, message as never) as never;
    }

    public async roomEvent(int: AppInterface, room: IRoom) {
        return this.host
            .manager()
            .getListenerManager()
            .executeListener(int as never, room as never) as never;
    }

    public async uiKitInteractionEvent(int: AppInterface, action: unknown) {
        return this.host
            .manager()
            .getListenerManager()
            .executeListener(int as never, action as never) as never;
    }
}

class MemoryUiInteractionBridge extends UiInteractionBridge {
    constructor(private readonly host: HostContext) {
        super();
    }

    protected async notifyUser(user: IUser, interaction: unknown): Promise<void> {
        this.host.uiInteractions.push({ userId: user.id, interaction });
    }
}

class NoopActivationBridge extends AppActivationBridge {
    protected async appAdded(): Promise<void> {}

    protected async appUpdated(): Promise<void> {}

    protected async appRemoved(): Promise<void> {}

    protected async appStatusChanged(): Promise<void> {}

    protected async actionsChanged(): Promise<void> {}
}

class NoopDetailChangesBridge extends AppDetailChangesBridge {
    protected onAppSettingsChange(): void {
        // The server broadcasts the change to its UI and other instances; the store already holds the new value.
    }
}

class EmptyEnvironmentBridge extends EnvironmentalVariableBridge {
    protected async getValueByName(): Promise<undefined> {
        return undefined;
    }

    protected async isReadable(): Promise<boolean> {
        return false;
    }

    protected async isSet(): Promise<boolean> {
        return false;
    }
}

// The bridges one host hands its AppManager. Every getter returns the same instance, wrapped so that calls are
// logged in `calls` (see bridge-calls.ts for what counts as app-initiated).
export class HostBridges extends AppBridges {
    private readonly instances: Record<string, object>;

    constructor(
        host: HostContext,
        private readonly calls: BridgeCallLog,
    ) {
        super();
        const { store } = host;
        const internal: IInternalBridge = {
            doGetUsernamesOfRoomById: async (roomId) => this.usernamesOf(store, roomId),
            doGetUsernamesOfRoomByIdSync: (roomId) => this.usernamesOf(store, roomId),
            doGetWorkspacePublicKey: async () => ({
                id: 'Cloud_Workspace_PublicKey',
                value: store.federationKeys.publicKey,
                packageValue: '',
                type: SettingType.STRING,
                required: false,
                public: false,
                i18nLabel: '',
            }),
        };
        const federation: IInternalFederationBridge = {
            getPrivateKey: async () => store.federationKeys.privateKey,
            getPublicKey: async () => store.federationKeys.publicKey,
        };

        this.instances = {
            command: new MemoryCommandBridge(host),
            contact: unimplementedBridge(ContactBridge, 'ContactBridge'),
            api: new MemoryApiBridge(host),
            appDetailChanges: new NoopDetailChangesBridge(),
            environmentalVariable: new EmptyEnvironmentBridge(),
            http: new NodeHttpBridge(),
            listener: new HostListenerBridge(host),
            livechat: unimplementedBridge(LivechatBridge, 'LivechatBridge'),
            message: new MemoryMessageBridge(store),
            persistence: new MemoryPersistenceBridge(store),
            appActivation: new NoopActivationBridge(),
            room: new MemoryRoomBridge(store),
            internal,
            internalFederation: federation,
            serverSetting: new MemoryServerSettingBridge(host.serverSettings),
            upload: unimplementedBridge(UploadBridge, 'UploadBridge'),
            email: unimplementedBridge(EmailBridge, 'EmailBridge'),
            user: new MemoryUserBridge(store),
            uiInteraction: new MemoryUiInteractionBridge(host),
            scheduler: new MemorySchedulerBridge(host),
            cloudWorkspace: unimplementedBridge(CloudWorkspaceBridge, 'CloudWorkspaceBridge'),
            videoConference: unimplementedBridge(VideoConferenceBridge, 'VideoConferenceBridge'),
            oAuthApps: unimplementedBridge(OAuthAppsBridge, 'OAuthAppsBridge'),
            moderation: unimplementedBridge(ModerationBridge, 'ModerationBridge'),
            thread: new MemoryThreadBridge(store),
            role: unimplementedBridge(RoleBridge, 'RoleBridge'),
            outboundMessage: unimplementedBridge(OutboundMessageBridge, 'OutboundMessageBridge'),
            experimental: unimplementedBridge(ExperimentalBridge, 'ExperimentalBridge'),
        };

        for (const [name, instance] of Object.entries(this.instances)) {
            this.instances[name] = this.calls.wrap(`${name[0].toUpperCase()}${name.slice(1)}Bridge`, instance);
        }
    }

    public getCommandBridge() {
        return this.instances.command as CommandBridge;
    }

    public getContactBridge() {
        return this.instances.contact as ContactBridge;
    }

    public getApiBridge() {
        return this.instances.api as ApiBridge;
    }

    public getAppDetailChangesBridge() {
        return this.instances.appDetailChanges as AppDetailChangesBridge;
    }

    public getEnvironmentalVariableBridge() {
        return this.instances.environmentalVariable as EnvironmentalVariableBridge;
    }

    public getHttpBridge() {
        return this.instances.http as HttpBridge;
    }

    public getListenerBridge() {
        return this.instances.listener as IListenerBridge;
    }

    public getLivechatBridge() {
        return this.instances.livechat as LivechatBridge;
    }

    public getMessageBridge() {
        return this.instances.message as MessageBridge;
    }

    public getPersistenceBridge() {
        return this.instances.persistence as PersistenceBridge;
    }

    public getAppActivationBridge() {
        return this.instances.appActivation as AppActivationBridge;
    }

    public getRoomBridge() {
        return this.instances.room as RoomBridge;
    }

    public getInternalBridge() {
        return this.instances.internal as IInternalBridge;
    }

    public getInternalFederationBridge() {
        return this.instances.internalFederation as IInternalFederationBridge;
    }

    public getServerSettingBridge() {
        return this.instances.serverSetting as ServerSettingBridge;
    }

    public getUploadBridge() {
        return this.instances.upload as UploadBridge;
    }

    public getEmailBridge() {
        return this.instances.email as EmailBridge;
    }

    public getUserBridge() {
        return this.instances.user as UserBridge;
    }

    public getUiInteractionBridge() {
        return this.instances.uiInteraction as UiInteractionBridge;
    }

    public getSchedulerBridge() {
        return this.instances.scheduler as SchedulerBridge;
    }

    public getCloudWorkspaceBridge() {
        return this.instances.cloudWorkspace as CloudWorkspaceBridge;
    }

    public getVideoConferenceBridge() {
        return this.instances.videoConference as VideoConferenceBridge;
    }

    public getOAuthAppsBridge() {
        return this.instances.oAuthApps as OAuthAppsBridge;
    }

    public getModerationBridge() {
        return this.instances.moderation as ModerationBridge;
    }

    public getThreadBridge() {
        return this.instances.thread as ThreadBridge;
    }

    public getRoleBridge() {
        return this.instances.role as RoleBridge;
    }

    public getOutboundMessageBridge() {
        return this.instances.outboundMessage as OutboundMessageBridge;
    }

    public getExperimentalBridge() {
        return this.instances.experimental as ExperimentalBridge;
    }

    private usernamesOf(store: HostStore, roomId: string): string[] {
        const ids = store.rooms.get(roomId)?.userIds ?? [];

        return ids.map((id) => store.users.get(id)?.username).filter((name): name is string => !!name);
    }
}

export type { StoredMessage };
