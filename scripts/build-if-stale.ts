/**
 * `npm test`'s build: the playground client (dist/client, which the app origin serves to the browser tests) and the
 * package (lib/, which `npm run test:package` packs) are built only when their sources changed since their last build
 * (scripts/build-stamp.ts), and then once. A clean clone's `npm ci` has just built both (`prepare`): CI built them
 * three times before (`prepare`, `vite build` in `npm test`, `prepare` again inside `npm pack`).
 * Run: node --import tsx scripts/build-if-stale.ts
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CLIENT_BUILD, PACKAGE_BUILD, staleBecause } from './build-stamp.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const client = await staleBecause(ROOT, CLIENT_BUILD);
if (client === null) process.stdout.write('The client build (dist/client) is current: not built again.\n');
else {
  process.stdout.write(`Building the client (${client}).\n`);
  const { build } = await import('vite');
  await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), logLevel: 'warn' });
}

const packaged = await staleBecause(ROOT, PACKAGE_BUILD);
if (packaged === null) process.stdout.write('The package build (lib/) is current: not built again.\n');
else {
  process.stdout.write(`Building the package (${packaged}).\n`);
  // Its own process: build-package.ts is a script (top-level await), not a module to import.
  execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('build-package.ts', import.meta.url))], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}
