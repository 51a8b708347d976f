import { IHttp, IHttpRequest, IHttpResponse, RequestMethod } from '@rocket.chat/apps-engine/definition/accessors';

export interface RecordedCall {
    method: 'GET' | 'POST';
    url: string;
    options: IHttpRequest;
    body: unknown;
}

/** One scripted answer: a response, or an error the bridge throws. */
export type FakeAnswer = { status: number; body?: unknown; headers?: Record<string, string> } | { throws: Error };

/** An IHttp that records every call and answers from a script (200 `{}` once the script is used up). */
export class FakeHttp implements IHttp {
    public readonly calls: RecordedCall[] = [];
    private readonly script: FakeAnswer[] = [];

    public answer(...answers: FakeAnswer[]): this {
        this.script.push(...answers);

        return this;
    }

    public get(url: string, options: IHttpRequest = {}): Promise<IHttpResponse> {
        return this.respond('GET', url, options);
    }

    public post(url: string, options: IHttpRequest = {}): Promise<IHttpResponse> {
        return this.respond('POST', url, options);
    }

    public put(): Promise<IHttpResponse> {
        throw new Error('not used');
    }

    public del(): Promise<IHttpResponse> {
        throw new Error('not used');
    }

    public patch(): Promise<IHttpResponse> {
        throw new Error('not used');
    }

    private async respond(method: 'GET' | 'POST', url: string, options: IHttpRequest): Promise<IHttpResponse> {
        const body = options.content === undefined ? undefined : JSON.parse(options.content);
        this.calls.push({ method, url, options, body });
        const next = this.script.shift() ?? { status: 200, body: {} };
        if ('throws' in next) {
            throw next.throws;
        }

        return {
            url,
            method: method === 'GET' ? RequestMethod.GET : RequestMethod.POST,
            statusCode: next.status,
            headers: { 'content-type': 'application/json', ...next.headers },
            content: next.body === undefined ? '' : JSON.stringify(next.body),
        };
    }
}
