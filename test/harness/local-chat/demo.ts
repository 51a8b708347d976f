import { StoredMessage } from '../host';
import { CardView, readCard } from './cards';
import { ChatConsole } from './chat-console';

const STEP_TIMEOUT_MS = 10_000;

/** One line of the scripted session and what must be visible in the workspace before the next line runs. */
interface DemoStep {
    narration?: string;
    line: string;
    expect?: { label: string; probe: (demo: ChatConsole) => unknown };
}

export class DemoFailure extends Error {}

/**
 * The scripted tour: an alert from chat, SIGNL4's replies in its thread, an alert from monitoring, the card's buttons
 * (one press failing), an outage with a retry, and the help. Texts are matched by their leading emoji and buttons by
 * their action ids, so that `--lang de` passes too.
 */
function steps(): DemoStep[] {
    let chatAlert = '';
    let retriedAlert = '';

    return [
        { narration: 'Alice reports a problem in #ops; the trigger word raises a SIGNL4 alert.', line: ':as alice' },
        {
            line: 'SIGNL4 checkout API returns 500',
            expect: {
                label: 'the "alert raised" reply in the thread of Alice\'s message',
                probe: (demo) => {
                    chatAlert = lastPersonMessage(demo).id;

                    return botReply(demo, chatAlert, '🚨');
                },
            },
        },
        {
            narration: 'Rene acknowledges in the SIGNL4 app, writes a note, and closes the alert.',
            line: ':ack Rene',
            expect: { label: 'the acknowledgement in the thread', probe: (demo) => botReply(demo, chatAlert, '✅') },
        },
        {
            line: ':note On my way',
            expect: { label: 'the annotation in the thread', probe: (demo) => botReply(demo, chatAlert, '📝') },
        },
        {
            line: ':close Rene',
            expect: { label: 'the closing in the thread', probe: (demo) => botReply(demo, chatAlert, '☑️') },
        },
        {
            narration: 'Monitoring raises an alert in SIGNL4 directly; it shows up in the events room #general.',
            line: ':monitoring Disk full on db-01',
            expect: {
                label: 'the "new alert" message in #general',
                probe: (demo) => newAlertMessage(demo, 'Disk full on db-01'),
            },
        },
        {
            line: ':escalate',
            expect: {
                label: 'the escalation in the thread of the new alert',
                probe: (demo) => botReply(demo, newAlertMessage(demo, 'Disk full on db-01')?.id ?? '', '⏫'),
            },
        },
        ...cardSteps(),
        { narration: 'SIGNL4 goes down while Alice raises another alert.', line: ':as alice' },
        { line: ':signl4 down 500' },
        {
            line: 'SIGNL4 payment queue is stuck',
            expect: {
                label: 'the "will be retried" notice and a retry job',
                probe: (demo) => {
                    retriedAlert = lastPersonMessage(demo).id;
                    const retryJob = demo.workspace.host.jobs().some(isRetry);

                    // The card itself reads "⏳ Sending ..." at first; the notice is a plain reply.
                    return retryJob && threadLines(demo, retriedAlert, '⏳').length > 0;
                },
            },
        },
        { line: ':signl4 up' },
        { line: ':jobs' },
        {
            narration: 'Time passes; the retry job runs and SIGNL4 takes the alert.',
            line: ':tick 20',
            expect: {
                label: 'the "raised after 2 attempts" reply',
                probe: (demo) => {
                    const tookIt = threadLines(demo, retriedAlert, '🚨').some((reply) => reply.text?.includes('2'));

                    return tookIt && !demo.workspace.host.jobs().some(isRetry);
                },
            },
        },
        { narration: 'You ask the app for help and, as an admin, for its status.', line: ':as you' },
        {
            line: '/signl4 help',
            expect: {
                label: 'the help, only for you',
                probe: (demo) => lastEphemeral(demo)?.includes('/signl4 status'),
            },
        },
        {
            line: '/signl4 status',
            expect: {
                label: 'the status with the events URL, only for you',
                probe: (demo) => lastEphemeral(demo)?.includes('/api/apps/public/'),
            },
        },
    ];
}

/**
 * The card's buttons, pressed by you on Alice's alert: acknowledge, a note through the dialog, a close that fails while
 * SIGNL4 is down (only you are told; the card stays), the close again. SIGNL4 reports each change back, unseen.
 */
function cardSteps(): DemoStep[] {
    let alert = '';
    let answersBefore = 0;

    return [
        {
            narration: 'With the SIGNL4 API key set, cards have buttons. Alice raises an alert; you act on its card.',
            line: 'SIGNL4 login page times out',
            expect: {
                label: "a card with an Acknowledge button in the thread of Alice's message",
                probe: (demo) => {
                    alert = lastPersonMessage(demo).id;

                    return cardIn(demo, alert)?.buttons.some((button) => button.actionId === 'signl4-acknowledge');
                },
            },
        },
        { line: ':as you' },
        {
            line: ':press ack',
            expect: {
                label: 'the card acknowledged by @you, said once in its thread although SIGNL4 reported it back',
                probe: (demo) =>
                    cardIn(demo, alert)?.details.startsWith('✅') &&
                    cardIn(demo, alert)?.details.includes('@you') &&
                    botReplies(demo, alert, '✅').length === 1,
            },
        },
        {
            line: ':press note Rolling back the deploy',
            expect: {
                label: 'the note from the dialog in the thread, once',
                probe: (demo) =>
                    botReplies(demo, alert, '📝').filter((reply) => reply.text?.includes('Rolling back the deploy'))
                        .length === 1,
            },
        },
        {
            narration: 'SIGNL4 fails just as you press Close: only you are told, and the card stays as it was.',
            line: ':signl4 down 500',
            expect: {
                label: 'the outage switched on',
                probe: (demo) => {
                    answersBefore = demo.workspace.host.ephemerals(demo.workspace.you).length;

                    return demo.workspace.signl4Outage() === '500';
                },
            },
        },
        {
            line: ':press close',
            expect: {
                label: 'a private answer for you, the card still acknowledged, no closing in the thread',
                probe: (demo) =>
                    demo.workspace.host.ephemerals(demo.workspace.you).length === answersBefore + 1 &&
                    cardIn(demo, alert)?.details.startsWith('✅') &&
                    botReplies(demo, alert, '☑️').length === 0,
            },
        },
        { line: ':signl4 up' },
        {
            line: ':press close',
            expect: {
                label: 'the card closed by @you with only its link left, said once in its thread',
                probe: (demo) => {
                    const card = cardIn(demo, alert);

                    return (
                        card?.details.startsWith('☑️') &&
                        card.buttons.map((button) => button.actionId).join() === 'signl4-open' &&
                        botReplies(demo, alert, '☑️').length === 1
                    );
                },
            },
        },
    ];
}

/** Runs the scenario, printing the transcript; throws DemoFailure when something expected did not show up. */
export async function runDemo(demo: ChatConsole, print: (line: string) => void): Promise<void> {
    demo.transcript.skipAll();
    for (const step of steps()) {
        if (step.narration) {
            print('');
            print(`-- ${step.narration}`);
        }
        print(`${demo.prompt()}${step.line}`);
        await demo.run(step.line);
        if (step.expect) {
            try {
                await waitFor(demo, step.expect.label, step.expect.probe);
            } catch (error) {
                // What did happen is the best clue to what did not.
                (await demo.pump()).forEach(print);
                throw error;
            }
        }
        // Let SIGNL4 report new alerts back and the app answer before the next step prints.
        (await demo.pump()).forEach(print);
    }

    const newAlerts = demo.workspace.host.messages({ createdBy: 'app' }).filter((m) => m.text?.startsWith('🆕'));
    if (newAlerts.length !== 1) {
        throw new DemoFailure(
            `expected one "new alert" message (the monitoring alert), found ${newAlerts.length}: ` +
                'alerts raised from chat must not be announced again in the events room',
        );
    }
}

async function waitFor(demo: ChatConsole, label: string, probe: (demo: ChatConsole) => unknown): Promise<void> {
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    while (!probe(demo)) {
        if (Date.now() > deadline) {
            const log = demo.workspace.host
                .logLines()
                .filter((line) => !line.includes('] debug: '))
                .slice(-8)
                .join('\n  ');
            throw new DemoFailure(
                `${label} did not appear within ${STEP_TIMEOUT_MS / 1000} s. Last app log lines:\n  ${log}`,
            );
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

function lastPersonMessage(demo: ChatConsole): StoredMessage {
    const mine = demo.workspace.host.messages({ createdBy: 'host' });

    return mine[mine.length - 1];
}

function botReply(demo: ChatConsole, threadId: string, emoji: string): StoredMessage | undefined {
    return demo.workspace.host
        .messages({ createdBy: 'app' })
        .find((message) => message.threadId === threadId && message.text?.startsWith(emoji));
}

/** The bot's plain replies in a thread (the card, which has blocks, left out) that start with `emoji`. */
function threadLines(demo: ChatConsole, threadId: string, emoji: string): StoredMessage[] {
    return botReplies(demo, threadId, emoji).filter((message) => !message.blocks?.length);
}

function botReplies(demo: ChatConsole, threadId: string, emoji: string): StoredMessage[] {
    return demo.workspace.host
        .messages({ createdBy: 'app' })
        .filter((message) => message.threadId === threadId && message.text?.startsWith(emoji));
}

/** A chat alert's card: the bot's reply in the raising message's thread that carries blocks. */
function cardIn(demo: ChatConsole, threadId: string): CardView | undefined {
    const message = demo.workspace.host
        .messages({ createdBy: 'app' })
        .find((candidate) => candidate.threadId === threadId && readCard(candidate));

    return message && readCard(message);
}

function newAlertMessage(demo: ChatConsole, title: string): StoredMessage | undefined {
    const general = demo.workspace.room('general')!;

    return demo.workspace.host
        .messages({ createdBy: 'app', roomId: general.id })
        .find((message) => !message.threadId && message.text?.startsWith('🆕') && message.text.includes(title));
}

function lastEphemeral(demo: ChatConsole): string | undefined {
    const notices = demo.workspace.host.ephemerals(demo.workspace.you);

    return notices[notices.length - 1]?.text;
}

// The engine registers processors as "<id>_<appId>".
function isRetry(job: { processorId: string }): boolean {
    return job.processorId.startsWith('signl4-alert-retry_');
}
