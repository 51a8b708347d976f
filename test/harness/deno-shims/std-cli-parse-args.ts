// Stand-in for jsr:@std/cli/parse-args, which this machine cannot reach. The engine starts the runtime with
// `--subprocess <appId> --spawnId <n>` (and may add `--metricsReportFrequencyInMs <ms>`), so this covers the
// GNU long-option forms that std's parser accepts: `--key value`, `--key=value`, bare `--flag`, `--no-flag`.
// Like std, numeric-looking values become numbers and everything after `--` is positional.

export type ParsedArguments = { _: Array<string | number>; [key: string]: unknown };

function asValue(raw: string): string | number {
    return raw.trim() !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
}

export function parseArgs(args: string[]): ParsedArguments {
    const parsed: ParsedArguments = { _: [] };

    for (let index = 0; index < args.length; index++) {
        const arg = args[index];

        if (arg === '--') {
            parsed._.push(...args.slice(index + 1).map(asValue));
            break;
        }

        if (!arg.startsWith('--')) {
            parsed._.push(asValue(arg));
            continue;
        }

        const [key, inlineValue] = arg.slice(2).split(/=(.*)/s, 2);
        const next = args[index + 1];

        if (inlineValue !== undefined) {
            parsed[key] = asValue(inlineValue);
        } else if (key.startsWith('no-')) {
            parsed[key.slice(3)] = false;
        } else if (next !== undefined && !next.startsWith('--')) {
            parsed[key] = asValue(next);
            index++;
        } else {
            parsed[key] = true;
        }
    }

    return parsed;
}
