#!/usr/bin/env node
// Prepares the Apps-Engine's Deno runtime so the test host can start apps without a Rocket.Chat server.
//
// The published @rocket.chat/apps-engine 1.62.0 cannot start its runtime on this machine as shipped:
// - its deno.jsonc maps @std/* to jsr.io, which is unreachable here (only the npm registry is);
// - it maps @rocket.chat/apps-engine/ to ../src/, a folder the npm package does not contain, and one value
//   import (AppsEngineException.ts) goes through that mapping;
// - the engine spawns `deno run --cached-only`, so every dependency must already sit in DENO_DIR.
// This script points those imports at the shims in deno-shims/, drops the lock file (its jsr integrity
// entries no longer apply) and fills the engine's default DENO_DIR from the npm registry. Running it twice
// gives the same result; it runs from `postinstall`, before anything is compiled, hence plain CommonJS.

'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const path = require('path');

const projectRoot = path.resolve(__dirname, '..', '..');
const engineDir = path.join(projectRoot, 'node_modules', '@rocket.chat', 'apps-engine');
const runtimeDir = path.join(engineDir, 'deno-runtime');
const configPath = path.join(runtimeDir, 'deno.jsonc');
// The engine's own default when DENO_DIR is unset (server/runtime/deno/AppsEngineDenoRuntime.js).
const denoDir = path.join(engineDir, '.deno-cache');
const shimSourceDir = path.join(__dirname, 'deno-shims');
// Inside the runtime folder: the subprocess may only read the engine folder, node_modules and the temp dir.
const shimTargetDir = path.join(runtimeDir, 'harness-shims');
const denoBinDir = path.join(projectRoot, 'node_modules', '.bin');

// Every bare @std specifier the runtime's non-test sources import, with the shim that replaces it.
// findStdImports() below fails the install if the engine ever imports one that is missing here.
const shimmedImports = {
    '@std/cli': './harness-shims/std-cli-parse-args.ts',
    '@std/cli/parse-args': './harness-shims/std-cli-parse-args.ts',
    '@std/io': './harness-shims/std-io.ts',
    '@std/io/write-all': './harness-shims/std-io.ts',
    '@std/streams': './harness-shims/std-streams.ts',
    '@std/streams/to-array-buffer': './harness-shims/std-streams.ts',
    '@rocket.chat/apps-engine/definition/exceptions/AppsEngineException.ts': './harness-shims/AppsEngineException.ts',
};

function listSources(dir) {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const fullPath = path.join(dir, entry.name);

        if (entry.isDirectory()) {
            const skipped = entry.name === 'tests' || entry.name === 'node_modules' || entry.name === 'harness-shims';

            return skipped ? [] : listSources(fullPath);
        }

        return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [fullPath] : [];
    });
}

function findStdImports() {
    const specifiers = new Set();
    const importPattern = /(?:from|import)\s*\(?\s*['"]((?:jsr:)?@std\/[^'"]+)['"]/g;

    for (const file of listSources(runtimeDir)) {
        for (const match of fs.readFileSync(file, 'utf8').matchAll(importPattern)) {
            specifiers.add(match[1]);
        }
    }

    return [...specifiers];
}

function readJsonc(file) {
    // deno.jsonc may carry comments; strip them without touching "//" inside strings such as URLs.
    const text = fs
        .readFileSync(file, 'utf8')
        .replace(/("(?:\\.|[^"\\])*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m, str) => str ?? '');

    return JSON.parse(text.replace(/,(\s*[}\]])/g, '$1'));
}

function copyShims() {
    fs.mkdirSync(shimTargetDir, { recursive: true });

    for (const name of fs.readdirSync(shimSourceDir)) {
        fs.copyFileSync(path.join(shimSourceDir, name), path.join(shimTargetDir, name));
    }
}

function patchConfig() {
    const config = readJsonc(configPath);

    config.imports = { ...config.imports, ...shimmedImports };
    fs.writeFileSync(configPath, `${JSON.stringify(config, null, '\t')}\n`);
    fs.rmSync(path.join(runtimeDir, 'deno.lock'), { force: true });
}

function cacheDependencies() {
    const env = { ...process.env, DENO_DIR: denoDir, PATH: `${denoBinDir}${path.delimiter}${process.env.PATH}` };
    const result = childProcess.spawnSync('deno', ['cache', `--config=${configPath}`, 'main.ts'], {
        cwd: runtimeDir,
        env,
        stdio: 'inherit',
    });

    if (result.error) {
        throw result.error;
    }

    if (result.status !== 0) {
        throw new Error(`deno cache exited with status ${result.status}`);
    }
}

function main() {
    if (!fs.existsSync(configPath)) {
        throw new Error(`${configPath} not found: is @rocket.chat/apps-engine 1.62.0 (with deno-runtime/) installed?`);
    }

    const unshimmed = findStdImports().filter((specifier) => !(specifier in shimmedImports));

    if (unshimmed.length > 0) {
        throw new Error(`The Deno runtime imports ${unshimmed.join(', ')}; add a shim in ${shimSourceDir}`);
    }

    copyShims();
    patchConfig();
    cacheDependencies();
    console.log(
        `Deno runtime ready: ${path.relative(projectRoot, configPath)}, DENO_DIR ${path.relative(projectRoot, denoDir)}`,
    );
}

try {
    main();
} catch (error) {
    console.error(`setup-deno-runtime: ${error.message}`);
    process.exit(1);
}
