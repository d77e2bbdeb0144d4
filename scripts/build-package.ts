/**
 * Builds what the published package runs: compiled ESM in lib/ (esbuild; our
 * own modules bundled, dependencies left as imports) and type declarations
 * in lib/types/ (tsc). Nothing in lib/ needs a TypeScript runtime.
 * The runner page's script, which the servers otherwise bundle from
 * runner-page/ on first use, is built here once and inlined.
 * Run: npm run build (also on npm ci / npm pack, through "prepare").
 */
import { build, type Plugin } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerScript } from '../servers/runner-script.ts';
import { PACKAGE_BUILD, writeStamp } from './build-stamp.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** lib/ sits beside dist/, so `new URL('../dist/client/', import.meta.url)` in any bundle finds the built playground. */
const OUT = join(ROOT, 'lib');
const TYPES = join(OUT, 'types');

/** The package's entry points: the exports map's targets and the CLI. */
const ENTRIES = {
  cli: 'cli/main.ts',
  index: 'api/index.ts',
  model: 'api/model.ts',
  playwright: 'api/playwright.ts',
  reporter: 'api/reporter.ts',
};

const script = await runnerScript();
const inlineRunnerScript: Plugin = {
  name: 'inline-runner-script',
  setup(b) {
    b.onResolve({ filter: /\/runner-script\.ts$/ }, () => ({ path: 'runner-script', namespace: 'cors-lab-inline' }));
    b.onLoad({ filter: /.*/, namespace: 'cors-lab-inline' }, () => ({ contents: `export const runnerScript = () => Promise.resolve(${JSON.stringify(script)});`, loader: 'js' }));
  },
};

await rm(OUT, { recursive: true, force: true });
const built = await build({
  absWorkingDir: ROOT,
  entryPoints: ENTRIES,
  outdir: OUT,
  bundle: true,
  // Shared modules become chunks; each command's module is a chunk loaded on use (cli/main.ts), so --help stays fast.
  splitting: true,
  chunkNames: 'chunk-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  plugins: [inlineRunnerScript],
  logLevel: 'warning',
  metafile: true,
});

execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });

/** Declarations keep the sources' `.ts` specifiers; the emitted files are `.d.ts` beside `.js` names, so point them at `.js`. */
async function rewriteSpecifiers(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await rewriteSpecifiers(path);
    else if (entry.name.endsWith('.d.ts')) {
      const text = await readFile(path, 'utf8');
      await writeFile(path, text.replace(/((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]+)\.ts(['"])/g, '$1$2.js$3'));
    }
  }
}
await rewriteSpecifiers(TYPES);
// The WebKit driver starts this browser from beside its own module (`new URL('./automation-host.py', import.meta.url)`):
// in the package that module is a chunk in lib/.
await copyFile(join(ROOT, 'engines/webkit/automation-host.py'), join(OUT, 'automation-host.py'));
// What npm start checks before it runs lib/cli.js (scripts/start.ts); the runner page's files are inlined above.
const runnerFiles = (await readdir(join(ROOT, 'runner-page'))).map((name) => join('runner-page', name));
// And what `npm test` checks before it packs without building again (scripts/build-if-stale.ts): the declarations'
// sources too, since esbuild's inputs leave out modules imported for their types only.
const declared = (await readdir(TYPES, { recursive: true }))
  .filter((name) => name.endsWith('.d.ts'))
  .map((name) => name.replace(/\.d\.ts$/, '.ts'));
await writeStamp(ROOT, PACKAGE_BUILD, [...Object.keys(built.metafile.inputs), ...runnerFiles, ...declared]);
console.log(`built ${Object.keys(ENTRIES).map((e) => `lib/${e}.js`).join(', ')} and lib/types/`);
