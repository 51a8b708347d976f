import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { RestTextKey, tr } from '../locale/restTexts';
import { Language } from '../locale/texts';
import { RestProblem, RestResult, Signl4RestClient } from '../signl4/RestClient';
import { Signl4UserDirectory } from '../signl4/Signl4UserDirectory';

/** What `/signl4 oncall` and `/signl4 duty` need of the REST client; undefined when no API key is set. */
export type OnCallClient = Pick<Signl4RestClient, 'onDuty' | 'punchIn' | 'punchOut'>;

export type DutyChange = 'on' | 'off';

const PROBLEM_TEXTS: Record<RestProblem, RestTextKey> = {
    'unauthorized': 'restUnauthorized',
    'unavailable': 'restUnavailable',
    'rate-limited': 'restRateLimited',
    'not-allowed': 'restRejected',
    'not-found': 'restRejected',
    'rejected': 'restRejected',
};

/** Who is on duty in each team the API key sees, one line per team. */
export async function onCallReport(client: OnCallClient | undefined, language: Language): Promise<string> {
    if (!client) {
        return tr(language, 'restNoApiKey');
    }
    const duty = await client.onDuty();
    if (!duty.ok) {
        return problemText(duty, language);
    }
    if (duty.value.length === 0) {
        return tr(language, 'onCallNoTeams');
    }

    const lines = duty.value.map(({ team, onDuty }) => {
        const names = onDuty.map((person) =>
            person.manager ? tr(language, 'onCallManager', { name: person.name }) : person.name,
        );
        const people = names.length > 0 ? names.join(', ') : tr(language, 'onCallNobody');

        return tr(language, 'onCallTeam', { team: team.name, people });
    });

    return [tr(language, 'onCallTitle'), ...lines].join('\n');
}

/** Punches the caller in or out of every SIGNL4 team they belong to, found by their verified e-mail address. */
export async function changeDuty(
    client: OnCallClient | undefined,
    directory: Pick<Signl4UserDirectory, 'lookUp'> | undefined,
    user: IUser,
    change: DutyChange,
    language: Language,
): Promise<string> {
    if (!client || !directory) {
        return tr(language, 'restNoApiKey');
    }

    const link = await directory.lookUp(user);
    if (link.kind === 'problem') {
        return problemText({ ok: false, problem: link.problem, detail: link.detail }, language);
    }
    if (link.kind === 'not-linked') {
        return link.reason === 'no-verified-email'
            ? tr(language, 'dutyNoVerifiedEmail')
            : tr(language, 'dutyNoSignl4User', { email: link.email ?? '' });
    }
    if (link.teamIds.length === 0) {
        return tr(language, 'dutyNoTeams');
    }

    const punched =
        change === 'on'
            ? await client.punchIn(link.signl4UserId, link.teamIds)
            : await client.punchOut(link.signl4UserId, link.teamIds);
    if (!punched.ok) {
        return problemText(punched, language);
    }

    return tr(language, change === 'on' ? 'dutyOn' : 'dutyOff');
}

/** The chat answer for a failed call; the detail (already free of secrets) only names the HTTP status. */
function problemText(failure: Extract<RestResult<unknown>, { ok: false }>, language: Language): string {
    const reason = failure.status ? `HTTP ${failure.status}` : failure.problem;

    return tr(language, PROBLEM_TEXTS[failure.problem], { reason });
}
