import * as path from 'path';
import * as readline from 'readline';

import { ChatConsole, HELP } from './local-chat/chat-console';
import { DemoFailure, runDemo } from './local-chat/demo';
import { ChatWorkspace, SITE_URL } from './local-chat/workspace';

// `npm start`: the packaged SIGNL4 app in the real Apps-Engine with a simulated SIGNL4, chatted with from a terminal.
// `npm start -- --demo` runs a scripted session instead and fails when the app does not answer as expected.
// `--no-api-key` leaves the SIGNL4 API key out, so cards show how to get their buttons instead of the buttons.

const POLL_MS = 100;

// Lets a last event or retry answer show up after the input ended (piped input ends before the app replies).
const SETTLE_MS = 700;

const QUIET_MS = 800;

const MAX_QUIET_WAIT_MS = 5000;

// Compiled to build/start/test/harness/.
const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

interface Options {
    demo: boolean;
    language: string;
    apiKey: boolean;
}

function parseOptions(argv: string[]): Options {
    const languageAt = argv.indexOf('--lang');

    return {
        demo: argv.includes('--demo'),
        language: languageAt >= 0 ? (argv[languageAt + 1] ?? 'en') : 'en',
        apiKey: !argv.includes('--no-api-key'),
    };
}

async function main(): Promise<number> {
    const options = parseOptions(process.argv.slice(2));
    // The host spawns `deno` from node_modules/.bin next to its own file, which is build/start/ once compiled.
    process.env.PATH = `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`;

    if (options.demo && !options.apiKey) {
        process.stderr.write('--no-api-key is ignored with --demo: the demo presses card buttons.\n');
    }
    const workspace = await ChatWorkspace.start({
        language: options.language,
        apiKey: options.apiKey || options.demo,
    });
    try {
        return options.demo ? await demo(workspace) : await interactive(workspace);
    } finally {
        await workspace.stop();
    }
}

async function demo(workspace: ChatWorkspace): Promise<number> {
    // The demo's output ends up in CI logs, where no secret belongs, not even this throwaway events token.
    const print = (line: string) => process.stdout.write(`${line.replace(/token=[0-9a-f]+/g, 'token=<secret>')}\n`);
    print(`Local Rocket.Chat at ${SITE_URL} with the SIGNL4 app; scripted demo.`);
    try {
        await runDemo(new ChatConsole(workspace, print, { showPeople: false }), print);
    } catch (error) {
        if (error instanceof DemoFailure) {
            process.stderr.write(`\nDEMO FAILED: ${error.message}\n`);

            return 1;
        }
        throw error;
    }
    print('\nDemo finished: every expected reply appeared.');

    return 0;
}

async function interactive(workspace: ChatWorkspace): Promise<number> {
    const rl = readline.createInterface({
        input: process.stdin,
        output: process.stdout,
        terminal: process.stdin.isTTY,
    });
    // Output that arrives while the user types is written above the prompt, which is then redrawn with the typed text.
    let lastOutputAt = Date.now();
    const print = (line: string) => {
        lastOutputAt = Date.now();
        if (process.stdout.isTTY) {
            readline.clearLine(process.stdout, 0);
            readline.cursorTo(process.stdout, 0);
            process.stdout.write(`${line}\n`);
            rl.prompt(true);
        } else {
            process.stdout.write(`${line}\n`);
        }
    };
    const chat = new ChatConsole(workspace, print, { showPeople: false });
    chat.transcript.skipAll();

    const buttons = workspace.apiKeySet()
        ? 'An API key is set and SIGNL4 knows you and alice: cards have buttons (start with --no-api-key for none).'
        : 'No API key is set (--no-api-key): the cards say how to get their buttons.';
    process.stdout.write(
        `Local Rocket.Chat at ${SITE_URL} with the SIGNL4 app. You are "you" (admin); alice is here too.\n` +
            `Rooms: #general (SIGNL4 events), #ops, #random. SIGNL4 is simulated on this machine.\n` +
            `${buttons}\n${HELP}\n`,
    );

    let pumping = false;
    const poll = setInterval(async () => {
        if (pumping) {
            return;
        }
        pumping = true;
        try {
            (await chat.pump()).forEach(print);
        } finally {
            pumping = false;
        }
    }, POLL_MS);

    await new Promise<void>((resolve) => {
        // Lines are run one after another: piped input delivers them all at once.
        let queue = Promise.resolve();
        rl.on('line', (line) => {
            queue = queue.then(async () => {
                try {
                    if ((await chat.run(line)) === 'quit') {
                        rl.close();

                        return;
                    }
                } catch (error) {
                    print(`(error: ${(error as Error).message})`);
                }
                if (!process.stdin.isTTY) {
                    await quiet(() => lastOutputAt);
                }
                rl.setPrompt(chat.prompt());
                rl.prompt();
            });
        });
        rl.on('SIGINT', () => rl.close());
        rl.on('close', () => void queue.then(() => resolve()));
        rl.setPrompt(chat.prompt());
        rl.prompt();
    });

    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    clearInterval(poll);
    while (pumping) {
        await new Promise((resolve) => setTimeout(resolve, 10));
    }
    (await chat.pump()).forEach((line) => process.stdout.write(`${line}\n`));
    process.stdout.write('\nBye.\n');

    return 0;
}

/**
 * Piped input arrives all at once, but a line such as `:ack` only makes sense once the app has answered the line
 * before; so each waits until the transcript has been quiet for a moment.
 */
async function quiet(lastOutputAt: () => number): Promise<void> {
    const start = Date.now();
    while (Date.now() - Math.max(start, lastOutputAt()) < QUIET_MS && Date.now() - start < MAX_QUIET_WAIT_MS) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
}

main().then(
    (code) => exitSoon(code),
    (error: Error) => {
        process.stderr.write(`local chat failed: ${error.stack ?? error.message}\n`);
        exitSoon(1);
    },
);

// Everything is stopped by now; an engine request timer still pending (30 s) must not keep the terminal waiting.
function exitSoon(code: number): void {
    process.exitCode = code;
    setTimeout(() => process.exit(code), 1000).unref();
}
