import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const SHIPPED = ['app.json', 'src', 'assets', 'i18n'];

function newestChange(entry: string): number {
    const stat = fs.statSync(entry);
    if (!stat.isDirectory()) {
        return stat.mtimeMs;
    }

    return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

/**
 * The app's installable zip, built by `npm run package` exactly as it ships. It is rebuilt when a shipped file is newer
 * than the zip, so an end-to-end run never tests stale code.
 */
export function appZip(): string {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8')) as {
        nameSlug: string;
        version: string;
    };
    const zip = path.join(ROOT, 'dist', `${manifest.nameSlug}_${manifest.version}.zip`);
    const sourceChanged = Math.max(...SHIPPED.map((entry) => newestChange(path.join(ROOT, entry))));
    if (!fs.existsSync(zip) || fs.statSync(zip).mtimeMs < sourceChanged) {
        execFileSync(process.execPath, [path.join(ROOT, '.ci', 'package-app.js')], { cwd: ROOT, stdio: 'pipe' });
    }

    return zip;
}
