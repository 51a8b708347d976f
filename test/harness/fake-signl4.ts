import { randomUUID } from 'crypto';
import * as http from 'http';
import type { AddressInfo, Socket } from 'net';

// A stand-in for SIGNL4 on 127.0.0.1 with a random port. `POST /webhook/:secret` raises an event for a known secret
// (201 {"eventId"}) and answers an unknown one like SIGNL4 does (404 with code 3004). Any other path is recorded and
// answered 200 {} (room for /api/v2/alerts/:id/acknowledge and friends). The next answers can be scripted.

export interface RecordedRequest {
    method: string;
    path: string;
    headers: http.IncomingHttpHeaders;
    rawBody: string;
    body: unknown;
    at: Date;
}

// One scripted answer, used for the next request instead of the normal behaviour.
export interface RaisedAlert {
    externalId: string;
    eventId: string;
    body: Record<string, unknown>;
}

export type ScriptedAnswer =
    | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
    | { kind: 'rateLimited'; retryAfterSeconds?: number; rateLimitResetEpochSeconds?: number }
    | { kind: 'serverError'; status?: number }
    | { kind: 'slow'; delayMs: number; status?: number; body?: unknown }
    | { kind: 'drop' };

export class FakeSignl4 {
    private readonly server: http.Server;
    private readonly recorded: RecordedRequest[] = [];
    private readonly raised: RaisedAlert[] = [];
    private readonly script: ScriptedAnswer[] = [];
    private readonly secrets = new Set<string>();
    private readonly timers = new Set<NodeJS.Timeout>();
    private readonly sockets = new Set<Socket>();

    private constructor() {
        this.server = http.createServer((request, response) => this.handle(request, response));
        // Keep-alive sockets would hold close() open; @types/node 16 has no closeAllConnections().
        this.server.on('connection', (socket: Socket) => {
            this.sockets.add(socket);
            socket.on('close', () => this.sockets.delete(socket));
        });
    }

    public static async start(secrets: string[] = []): Promise<FakeSignl4> {
        const fake = new FakeSignl4();
        secrets.forEach((secret) => fake.secrets.add(secret));
        await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));

        return fake;
    }

    public url(): string {
        const { port } = this.server.address() as AddressInfo;

        return `http://127.0.0.1:${port}`;
    }

    public webhookUrl(secret: string): string {
        return `${this.url()}/webhook/${secret}`;
    }

    public addSecret(secret: string): void {
        this.secrets.add(secret);
    }

    // Queues answers for the next requests, in order; each is used once.
    public answerNext(...answers: ScriptedAnswer[]): void {
        this.script.push(...answers);
    }

    public requests(): RecordedRequest[] {
        return [...this.recorded];
    }

    // The alerts this fake accepted, with the eventId it answered: SIGNL4 later reports that id as `alert.eventId`.
    public raisedAlerts(): RaisedAlert[] {
        return [...this.raised];
    }

    public async close(): Promise<void> {
        this.timers.forEach((timer) => clearTimeout(timer));
        this.sockets.forEach((socket) => socket.destroy());
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }

    private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
            const rawBody = Buffer.concat(chunks).toString('utf8');
            const entry: RecordedRequest = {
                method: request.method ?? '',
                path: request.url ?? '',
                headers: request.headers,
                rawBody,
                body: parseBody(rawBody),
                at: new Date(),
            };
            this.recorded.push(entry);

            const scripted = this.script.shift();
            if (scripted) {
                this.answerScripted(scripted, entry, request, response);
            } else {
                this.answerNormally(entry, request, response);
            }
        });
    }

    private answerNormally(entry: RecordedRequest, request: http.IncomingMessage, response: http.ServerResponse): void {
        const webhook = /^\/webhook\/([^/?]+)/.exec(request.url ?? '');
        if (request.method === 'POST' && webhook) {
            const secret = decodeURIComponent(webhook[1]);
            if (this.secrets.has(secret)) {
                const eventId = `${Date.now()}_${randomUUID()}`;
                const body = (entry.body ?? {}) as Record<string, unknown>;
                this.raised.push({ externalId: String(body['X-S4-ExternalID'] ?? ''), eventId, body });

                return sendJson(response, 201, { eventId });
            }

            return sendJson(response, 404, {
                requestId: randomUUID(),
                code: 3004,
                details: `An event source with ID ${secret} was not found.`,
                message: 'Error raising event.',
            });
        }

        if (webhook) {
            // SIGNL4's webhook takes POST only; the app's reachability probe relies on this answer.
            return sendJson(response, 405, { message: 'Method not allowed.' });
        }

        sendJson(response, 200, {});
    }

    private answerScripted(
        answer: ScriptedAnswer,
        entry: RecordedRequest,
        request: http.IncomingMessage,
        response: http.ServerResponse,
    ): void {
        switch (answer.kind) {
            case 'status':
                return sendJson(response, answer.status, answer.body ?? {}, answer.headers);
            case 'rateLimited': {
                const headers: Record<string, string> = {};
                if (answer.retryAfterSeconds !== undefined) {
                    headers['Retry-After'] = String(answer.retryAfterSeconds);
                }

                if (answer.rateLimitResetEpochSeconds !== undefined) {
                    headers['X-RateLimit-Reset'] = String(answer.rateLimitResetEpochSeconds);
                }

                return sendJson(response, 429, { message: 'Too many requests.' }, headers);
            }

            case 'serverError':
                return sendJson(response, answer.status ?? 500, { message: 'Internal server error.' });
            case 'slow': {
                const timer = setTimeout(() => {
                    this.timers.delete(timer);
                    if (!response.destroyed) {
                        this.answerNormallyOr(answer, entry, request, response);
                    }
                }, answer.delayMs);
                this.timers.add(timer);

                return;
            }

            case 'drop':
                request.socket.destroy();
        }
    }

    private answerNormallyOr(
        answer: { status?: number; body?: unknown },
        entry: RecordedRequest,
        request: http.IncomingMessage,
        response: http.ServerResponse,
    ): void {
        if (answer.status !== undefined) {
            sendJson(response, answer.status, answer.body ?? {});
        } else {
            this.answerNormally(entry, request, response);
        }
    }
}

function parseBody(raw: string): unknown {
    try {
        return raw === '' ? undefined : JSON.parse(raw);
    } catch {
        return raw;
    }
}

function sendJson(
    response: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
): void {
    response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    response.end(JSON.stringify(body));
}
