import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { Language, t } from '../locale/texts';
import { restProblemText } from '../chat/restProblems';
import { Signl4RestClient } from '../signl4/RestClient';
import { Signl4UserDirectory } from '../signl4/Signl4UserDirectory';

/** What `/signl4 oncall` and `/signl4 duty` need of the REST client; undefined when no API key is set. */
export type OnCallClient = Pick<Signl4RestClient, 'onDuty' | 'punchIn' | 'punchOut'>;

export type DutyChange = 'on' | 'off';

/** Who is on duty in each team the API key sees, one line per team. */
export async function onCallReport(client: OnCallClient | undefined, language: Language): Promise<string> {
    if (!client) {
        return t(language, 'restNoApiKey');
    }
    const duty = await client.onDuty();
    if (!duty.ok) {
        return restProblemText(duty, language);
    }
    if (duty.value.length === 0) {
        return t(language, 'onCallNoTeams');
    }

    const lines = duty.value.map(({ team, onDuty }) => {
        const names = onDuty.map((person) =>
            person.manager ? t(language, 'onCallManager', { name: person.name }) : person.name,
        );
        const people = names.length > 0 ? names.join(', ') : t(language, 'onCallNobody');

        return t(language, 'onCallTeam', { team: team.name, people });
    });

    return [t(language, 'onCallTitle'), ...lines].join('\n');
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
        return t(language, 'restNoApiKey');
    }

    const link = await directory.lookUp(user);
    if (link.kind === 'problem') {
        return restProblemText({ ok: false, problem: link.problem, detail: link.detail }, language);
    }
    if (link.kind === 'not-linked') {
        return link.reason === 'no-verified-email'
            ? t(language, 'noVerifiedEmail')
            : t(language, 'noSignl4User', { email: link.email ?? '' });
    }
    if (link.teamIds.length === 0) {
        return t(language, 'dutyNoTeams');
    }

    const punched =
        change === 'on'
            ? await client.punchIn(link.signl4UserId, link.teamIds)
            : await client.punchOut(link.signl4UserId, link.teamIds);
    if (!punched.ok) {
        return restProblemText(punched, language);
    }

    return t(language, change === 'on' ? 'dutyOn' : 'dutyOff');
}
