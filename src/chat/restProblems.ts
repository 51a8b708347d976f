import { Language, t, TextKey } from '../locale/texts';
import { RestProblem, RestResult } from '../signl4/RestClient';

const PROBLEM_TEXTS: Record<RestProblem, TextKey> = {
    'unauthorized': 'restUnauthorized',
    'unavailable': 'restUnavailable',
    'rate-limited': 'restRateLimited',
    'not-allowed': 'restRejected',
    'not-found': 'restRejected',
    'rejected': 'restRejected',
};

/** What to tell a person when a SIGNL4 REST call failed; the reason names only the HTTP status, never a secret. */
export function restProblemText(failure: Extract<RestResult<unknown>, { ok: false }>, language: Language): string {
    const reason = failure.status ? `HTTP ${failure.status}` : failure.problem;

    return t(language, PROBLEM_TEXTS[failure.problem], { reason });
}
