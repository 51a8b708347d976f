import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ApiEndpoint, IApiEndpointInfo, IApiRequest, IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { AppContext } from '../AppContext';
import { EventRouter } from '../alerts/EventRouter';
import { describeError } from '../security/redact';
import { tokenMatches } from '../security/endpointToken';
import { parseSignl4Event } from '../signl4/Signl4Event';
import { EndpointTokenStore } from '../storage/EndpointTokenStore';
import { NotificationLog } from '../storage/NotificationLog';
import { EVENTS_ENDPOINT_PATH } from './eventsUrl';

/**
 * Receives SIGNL4's outbound webhook. SIGNL4 signs nothing, so the unguessable token in the URL is the only proof that
 * a request comes from the team's SIGNL4 subscription; without it nothing is read and nothing said.
 */
export class EventsEndpoint extends ApiEndpoint {
    public path = EVENTS_ENDPOINT_PATH;

    /**
     * The app, read through `this.app` on every request: the Deno runtime swaps that property for a proxy that carries
     * the request's logger, so a reference kept elsewhere would log into the void.
     */
    private get context(): AppContext {
        return this.app as unknown as AppContext;
    }

    public async post(
        request: IApiRequest,
        endpoint: IApiEndpointInfo,
        read: IRead,
        modify: IModify,
        http: IHttp,
        persistence: IPersistence,
    ): Promise<IApiResponse> {
        const reader = read.getPersistenceReader();
        const token = await new EndpointTokenStore(reader).token();
        if (!tokenMatches(token, request.query?.token)) {
            this.context.getLogger().warn('Refused a request to the SIGNL4 events endpoint: missing or wrong token.');

            return { status: 401, content: { error: 'unauthorized' } };
        }

        const parsed = parseSignl4Event(request.content);
        if ('error' in parsed) {
            this.context.getLogger().warn(`Refused a SIGNL4 event: ${parsed.error}.`);

            return { status: 400, content: { error: parsed.error } };
        }

        const { event } = parsed;
        await this.context.settingsCache.loadWorkspaceSettings(read.getEnvironmentReader());
        const log = new NotificationLog(reader, persistence);
        if (!(await log.markOnce(event.id, new Date().toISOString().slice(0, 10)))) {
            return { status: 200, content: { result: 'duplicate' } };
        }

        try {
            const result = await new EventRouter(this.context, read, modify, persistence).route(event);
            this.context
                .getLogger()
                .info(
                    `SIGNL4 event ${event.id} (type ${event.eventType}, alert ${event.alert?.id ?? '-'}): ${result}.`,
                );

            return { status: 200, content: { result } };
        } catch (error) {
            // SIGNL4 may deliver it again; that redelivery must not count as a duplicate of what was never posted.
            await log.forget(event.id);
            this.context
                .getLogger()
                .error(`SIGNL4 event ${event.id} could not be posted: ${describeError(error, [token])}`);

            return { status: 500, content: { error: 'event could not be posted' } };
        }
    }
}
