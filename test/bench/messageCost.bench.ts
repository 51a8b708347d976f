// Benchmark: what IPostMessageSent costs for messages that cannot raise an alert, in the real engine.
// Prints figures; asserts nothing (the end-to-end tests assert the round-trip count).
//
//   npm run bench
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';

import { RoomType } from '@rocket.chat/apps-engine/definition/rooms';
import { UserType } from '@rocket.chat/apps-engine/definition/users';

import { canRaiseAlert } from '../../src/alerts/messageTrigger';
import { parseConfig } from '../../src/settings/AppConfig';
import { SETTINGS } from '../../src/settings/settings';
import { FakeSignl4 } from '../harness/fake-signl4';
import { AppsEngineHost } from '../harness/host';

// While a host runs it records the console into its log; figures go straight to stdout.
const print = (line: string) => process.stdout.write(`${line}\n`);

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const MESSAGES = 2000;

function denoRssKiB(): number | undefined {
    const pids = execFileSync('pgrep', ['-f', 'deno-runtime/main.ts'], { encoding: 'utf8' }).trim().split('\n');
    const status = fs.readFileSync(`/proc/${pids[pids.length - 1]}/status`, 'utf8');
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);

    return rss ? Number(rss[1]) : undefined;
}

function filterInProcess(): void {
    const config = parseConfig(Object.fromEntries(SETTINGS.map((setting) => [setting.id, setting.packageValue])));
    const room = { id: 'r', slugifiedName: 'ops', type: RoomType.CHANNEL } as never;
    const sender = { id: 'u', username: 'alice', type: UserType.USER } as never;
    const text = 'The deployment of the checkout service finished, all health checks are green again.';
    const rounds = 200_000;
    const start = performance.now();
    let raised = 0;
    for (let index = 0; index < rounds; index++) {
        raised += canRaiseAlert({ id: `m${index}`, room, sender, text }, config, 'bot') ? 1 : 0;
    }
    const nsPerMessage = ((performance.now() - start) * 1e6) / rounds;
    print(
        `canRaiseAlert in process: ${nsPerMessage.toFixed(0)} ns per non-matching message (${rounds} runs, ${raised} raised)`,
    );
}

async function throughEngine(): Promise<void> {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8'));
    const zipPath = path.join(ROOT, 'dist', `${manifest.nameSlug}_${manifest.version}.zip`);
    const signl4 = await FakeSignl4.start(['benchSecret1']);
    const host = new AppsEngineHost();
    await host.start({
        zipPath,
        siteUrl: 'http://localhost:3000',
        appSettings: { signl4_webhook: signl4.webhookUrl('benchSecret1') },
    });
    try {
        const admin = host.createUser({ username: 'admin', roles: ['admin'] });
        const alice = host.createUser({ username: 'alice', roles: ['user'] });
        const ops = host.createRoom({ name: 'ops', creator: admin });
        const rssBefore = denoRssKiB();
        host.resetBridgeCalls();

        const start = performance.now();
        for (let index = 0; index < MESSAGES; index++) {
            host.sendMessage({ room: ops, sender: alice, text: `routine message number ${index}, nothing to see` });
        }
        // The engine does not wait for listeners; one alert at the end marks when the queue has been worked off.
        const marker = host.sendMessage({ room: ops, sender: alice, text: 'SIGNL4 benchmark marker' });
        await host.waitFor(() => host.threadOf(marker.id)[0]?.text?.startsWith('🚨'), 60_000, 'marker raised');
        const elapsed = performance.now() - start;

        const requestsInAll = host.appRequests().length;

        host.resetBridgeCalls();
        const second = host.sendMessage({ room: ops, sender: alice, text: 'SIGNL4 second marker' });
        await host.waitFor(() => host.threadOf(second.id)[0]?.text?.startsWith('🚨'), 60_000, 'second marker raised');
        const requestsPerAlert = host.appRequests().length;

        print(
            `through the engine: ${MESSAGES} non-matching messages and 1 alert in ${elapsed.toFixed(0)} ms ` +
                `(${((elapsed * 1000) / (MESSAGES + 1)).toFixed(0)} µs per message, wall clock, 2 cores)`,
        );
        print(`app round trips: ${requestsInAll} for all of them; ${requestsPerAlert} for one alert alone`);
        print(`Deno subprocess RSS: ${rssBefore} KiB before, ${denoRssKiB()} KiB after`);
    } finally {
        await host.stop();
        await signl4.close();
    }
}

async function main(): Promise<void> {
    filterInProcess();
    await throughEngine();
}

main().catch((error) => {
    console.error(error);
    process.exit(1);
});
