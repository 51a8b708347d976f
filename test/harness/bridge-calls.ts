import { AsyncLocalStorage } from 'async_hooks';

import { DenoRuntimeSubprocessController } from '@rocket.chat/apps-engine/server/runtime/deno/AppsEngineDenoRuntime';

// What a bridge call was made for. `app` calls happen while the server serves one of the app's own requests from
// the Deno process: an accessor call (`accessor:getReader:...`, e.g. a persistence read, http.post, message creation)
// or a direct bridge request (`bridges:getUserBridge:doGetAppUser`). `engine` calls are everything else: install,
// status changes, the engine's own look-ups while it dispatches an event, and the host's own helpers.
export interface BridgeCall {
    bridge: string;
    method: string;
    origin: 'app' | 'engine';
    // The Deno request that caused it, e.g. "accessor:getHttp:post"; undefined for engine calls.
    appRequest?: string;
    appId?: string;
    at: Date;
}

interface AppRequestScope {
    request: string;
    appId: string;
}

const appRequestScope = new AsyncLocalStorage<AppRequestScope>();
let runtimePatched = false;

// Every live log hears of every request the Deno process makes: the patch below is process-wide.
const liveLogs = new Set<BridgeCallLog>();

// The engine serves every request of the Deno process in handleAccessorMessage or handleBridgeMessage. Running
// both inside an AsyncLocalStorage scope tags each bridge call made while serving them, however deep in the engine.
// The patch is process-wide and idempotent; it changes no behaviour.
function tagAppRequests(): void {
    if (runtimePatched) {
        return;
    }

    runtimePatched = true;
    const prototype = DenoRuntimeSubprocessController.prototype as unknown as Record<
        string,
        (...args: unknown[]) => unknown
    >;
    for (const handler of ['handleAccessorMessage', 'handleBridgeMessage']) {
        const original = prototype[handler];
        prototype[handler] = function tagged(this: DenoRuntimeSubprocessController, message: unknown) {
            const request = (message as { payload: { method: string } }).payload.method;
            liveLogs.forEach((log) => log.recordAppRequest(request, this.getAppId()));

            return appRequestScope.run({ request, appId: this.getAppId() }, () => original.call(this, message));
        };
    }
}

// One round trip from the app's Deno process to the server: any accessor or bridge request, including those the
// engine answers without a bridge (reads of the app's own settings, for one).
export interface AppRequest {
    request: string;
    appId: string;
    at: Date;
}

export class BridgeCallLog {
    private readonly calls: BridgeCall[] = [];

    private readonly requests: AppRequest[] = [];

    constructor() {
        tagAppRequests();
        liveLogs.add(this);
    }

    public recordAppRequest(request: string, appId: string): void {
        this.requests.push({ request, appId, at: new Date() });
    }

    public appRequests(): AppRequest[] {
        return [...this.requests];
    }

    // Counts each call into a bridge's public surface once: the bridge's own internal calls (do* to the protected
    // implementation) run on the unwrapped instance and are not counted again.
    public wrap<T extends object>(bridge: string, instance: T): T {
        const calls = this.calls;

        return new Proxy(instance, {
            get(target, prop, receiver) {
                const value = Reflect.get(target, prop, receiver);
                if (typeof prop !== 'string' || typeof value !== 'function' || prop === 'constructor') {
                    return value;
                }

                return function counted(...args: unknown[]) {
                    const scope = appRequestScope.getStore();
                    calls.push({
                        bridge,
                        method: prop,
                        origin: scope ? 'app' : 'engine',
                        appRequest: scope?.request,
                        appId: scope?.appId,
                        at: new Date(),
                    });

                    return (value as (...a: unknown[]) => unknown).apply(target, args);
                };
            },
        });
    }

    public list(options: { includeEngine?: boolean } = {}): BridgeCall[] {
        return this.calls.filter((call) => options.includeEngine || call.origin === 'app');
    }

    public reset(): void {
        this.calls.length = 0;
        this.requests.length = 0;
    }
}
