import * as http from 'http';
import type { AddressInfo, Socket } from 'net';

/** One request the app sent to SIGNL4, with what SIGNL4 (the fake) answered. */
export interface TappedExchange {
    method: string;
    path: string;
    body: unknown;
    // Undefined while the answer is still outstanding.
    status?: number;
    answer?: unknown;
    // Set when no HTTP answer came back: the fake dropped the connection, or the app hung up first.
    failure?: string;
    // When the answer (or the failure) happened; orders the exchange among chat messages.
    settledAt?: Date;
}

/**
 * A pass-through between the app and FakeSignl4 that keeps each answer. The fake records only requests, but a
 * simulated SIGNL4 needs the `eventId` it answered to send realistic events back, and the transcript shows the status
 * of every delivery attempt.
 */
export class Signl4Tap {
    private readonly server: http.Server;

    private readonly exchanges: TappedExchange[] = [];

    private readonly sockets = new Set<Socket>();

    // Called before each request goes on to the fake, so a simulated outage lasts until it is lifted.
    public beforeForward: () => void = () => undefined;

    private constructor(private readonly upstream: string) {
        this.server = http.createServer((request, response) => this.forward(request, response));
        this.server.on('connection', (socket: Socket) => {
            this.sockets.add(socket);
            socket.on('close', () => this.sockets.delete(socket));
        });
    }

    public static async start(upstream: string): Promise<Signl4Tap> {
        const tap = new Signl4Tap(upstream);
        await new Promise<void>((resolve) => tap.server.listen(0, '127.0.0.1', resolve));

        return tap;
    }

    public url(): string {
        const { port } = this.server.address() as AddressInfo;

        return `http://127.0.0.1:${port}`;
    }

    public exchangeLog(): TappedExchange[] {
        return this.exchanges;
    }

    public async close(): Promise<void> {
        this.sockets.forEach((socket) => socket.destroy());
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }

    private forward(request: http.IncomingMessage, response: http.ServerResponse): void {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
            const rawBody = Buffer.concat(chunks);
            const exchange: TappedExchange = {
                method: request.method ?? '',
                path: request.url ?? '',
                body: parseJson(rawBody.toString('utf8')),
            };
            this.exchanges.push(exchange);
            this.beforeForward();

            const upstreamRequest = http.request(
                `${this.upstream}${request.url ?? '/'}`,
                { method: request.method, headers: withoutHost(request.headers) },
                (upstreamResponse) => this.relay(exchange, upstreamResponse, response),
            );
            upstreamRequest.on('error', (error) => {
                exchange.failure = `dropped (${error.message})`;
                exchange.settledAt = new Date();
                request.socket.destroy();
            });
            response.on('close', () => {
                if (exchange.status === undefined && !exchange.failure) {
                    exchange.failure = 'the app hung up before SIGNL4 answered';
                    exchange.settledAt = new Date();
                }
            });
            upstreamRequest.end(rawBody);
        });
    }

    private relay(exchange: TappedExchange, upstream: http.IncomingMessage, response: http.ServerResponse): void {
        const chunks: Buffer[] = [];
        upstream.on('data', (chunk: Buffer) => chunks.push(chunk));
        upstream.on('end', () => {
            const rawAnswer = Buffer.concat(chunks);
            exchange.status = upstream.statusCode;
            exchange.settledAt = new Date();
            exchange.answer = parseJson(rawAnswer.toString('utf8'));
            if (!response.destroyed) {
                response.writeHead(upstream.statusCode ?? 502, upstream.headers);
                response.end(rawAnswer);
            }
        });
    }
}

function withoutHost(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
    const { host: _host, ...rest } = headers;

    return rest;
}

function parseJson(raw: string): unknown {
    try {
        return raw === '' ? undefined : JSON.parse(raw);
    } catch {
        return raw;
    }
}
