#!/usr/bin/env node
// Builds the installable zip in dist/, or deploys the app to a server with `deploy`. `rc-apps` compiles every .ts file
// below its working directory (it ignores .rcappsconfig there; that file only filters the zip), so the tests would be
// compiled into the app. It runs in a staging folder that holds only what ships (app.json, src/, assets/, i18n/),
// package.json and a link to node_modules.
//
//   node .ci/package-app.js                                   (npm run package)
//   node .ci/package-app.js deploy --url URL -u USER -p PASS   (npm run deploy -- --url ...)
'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const shipped = ['app.json', 'package.json', '.rcappsconfig', 'src', 'assets', 'i18n'];
const [command = 'package', ...options] = process.argv.slice(2);
if (!['package', 'deploy'].includes(command)) {
    console.error(`unknown command "${command}": use package or deploy`);
    process.exit(2);
}

// A folder of its own per run, so that two packaging runs (a test and `npm start`, say) never collide.
fs.mkdirSync(path.join(root, 'build'), { recursive: true });
const stage = fs.mkdtempSync(path.join(root, 'build', 'package-'));
try {
    for (const entry of shipped) {
        fs.cpSync(path.join(root, entry), path.join(stage, entry), { recursive: true });
    }
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'), 'dir');

    execFileSync(path.join(root, 'node_modules', '.bin', 'rc-apps'), [command, ...options], {
        cwd: stage,
        stdio: 'inherit',
    });

    // rc-apps rewrites app.json's `implements` from the main class; keep the committed copy in step with the zip.
    fs.copyFileSync(path.join(stage, 'app.json'), path.join(root, 'app.json'));

    if (command === 'package') {
        fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
        for (const zip of fs.readdirSync(path.join(stage, 'dist'))) {
            // Written under a temporary name and renamed, so that a reader never sees half a zip.
            const partial = path.join(root, 'dist', `.${zip}.${process.pid}`);
            fs.copyFileSync(path.join(stage, 'dist', zip), partial);
            fs.renameSync(partial, path.join(root, 'dist', zip));
            console.log(`dist/${zip}`);
        }
    }
} catch (error) {
    console.error(`rc-apps ${command} failed: ${error.message}`);
    process.exitCode = 1;
} finally {
    fs.rmSync(stage, { recursive: true, force: true });
}
