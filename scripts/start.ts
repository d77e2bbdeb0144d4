/**
 * `npm start`: `cors-lab serve` with the arguments given (`npm start -- --port-base 6000`), after
 * building the playground client only when dist/client is not current with its sources
 * (scripts/build-stamp.ts): a built tree prints the URLs in about the time the server alone takes,
 * and a build says why it runs and shows Vite's progress. `npm run build` builds both the client and lib/.
 * package.json runs it as `node --import tsx`: one Node process, where the tsx command starts two.
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLIENT_BUILD, PACKAGE_BUILD, staleBecause } from './build-stamp.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const stale = await staleBecause(ROOT, CLIENT_BUILD);
if (stale !== null) {
  process.stdout.write(`Building the playground client first (${stale}); this takes a few seconds.\n`);
  const started = performance.now();
  const { build } = await import('vite');
  await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), logLevel: 'info' });
  process.stdout.write(`Built the client in ${((performance.now() - started) / 1000).toFixed(1)} s.\n\n`);
}
// The compiled CLI when lib/ is current (it starts several times faster than the sources through tsx).
const compiled = (await staleBecause(ROOT, PACKAGE_BUILD)) === null;
type Cli = typeof import('../cli/main.ts');
const cli = compiled ? ((await import(pathToFileURL(join(ROOT, 'lib/cli.js')).href)) as Cli) : await import('../cli/main.ts');
process.exitCode = await cli.main(['serve', ...process.argv.slice(2)]);
