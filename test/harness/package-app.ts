import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

// Packages an app folder with the project's rc-apps into a fresh temp dir and returns the zip's path. The folder is
// copied first because rc-apps rewrites app.json (`implements`) and writes dist/; it resolves typescript and the
// engine definitions from the copy's node_modules, a symlink to the project's.
export function packageApp(appDir: string): string {
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-app-package-'));
    fs.cpSync(appDir, workDir, { recursive: true, filter: (source) => !/[/\\](node_modules|dist)$/.test(source) });
    fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(workDir, 'node_modules'), 'dir');
    execFileSync(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'rc-apps'), ['package'], {
        cwd: workDir,
        stdio: 'pipe',
    });

    const dist = path.join(workDir, 'dist');
    const [zip] = fs.readdirSync(dist).filter((name) => name.endsWith('.zip'));
    if (!zip) {
        throw new Error(`rc-apps package wrote no zip in ${dist}`);
    }

    return path.join(dist, zip);
}
