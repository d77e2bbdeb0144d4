/**
 * `npm run shots`: the browser tests that take the screenshots people look at (test/e2e/shots-folder.ts), run with
 * screenshots on. They go to the work tree's tmp/shots/, or to CORS_LAB_SHOTS's folder when it names one; further
 * arguments go to Playwright: narrow with `--grep` (`npm run shots -- --grep presenter`), since a file name given
 * there would add to the list, not narrow it. `npm test` takes none.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SHOTS_ENV } from '../test/e2e/shots-folder.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const specs = readdirSync(new URL('../test/e2e/', import.meta.url))
  .filter((file) => file.endsWith('.spec.ts'))
  .filter((file) => /\bawait shot\(/.test(readFileSync(new URL(`../test/e2e/${file}`, import.meta.url), 'utf8')))
  .map((file) => `test/e2e/${file}`);

const wanted = process.env[SHOTS_ENV];
const env = { ...process.env, [SHOTS_ENV]: wanted && wanted !== '0' ? wanted : '1' };
const child = spawn('npx', ['playwright', 'test', ...specs, ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
