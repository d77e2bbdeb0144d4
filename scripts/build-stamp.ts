/**
 * Whether a build is up to date with its sources, without building: the
 * client build (vite.config.ts) and the package build (build-package.ts)
 * record every file they bundled, with its size and modification time, and
 * the folders they sit in (a lesson added to a folder the client globs
 * changes the folder's time). `npm start` compares them (scripts/start.ts):
 * it builds the client only when one differs, and runs the compiled CLI
 * (lib/) only when that is current; `npm test` builds only what differs
 * (scripts/build-if-stale.ts), once, before its tests and its package check.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';

export interface Build {
  /** Where the record goes: beside dist/client, not in it (the app origin serves everything in dist/client). */
  stamp: string;
  /** A file every good build leaves. */
  output: string;
  /** Files no bundled module names but the build depends on. */
  always: readonly string[];
}

export const CLIENT_BUILD: Build = {
  stamp: 'dist/client-build.json',
  output: 'dist/client/index.html',
  always: ['vite.config.ts', 'package-lock.json', 'client/index.html', 'scripts/precompress.ts',
    'scripts/build-stamp.ts', 'lessons/index-plugin.ts', 'lessons/load-from-disk.ts', 'lessons/render-lesson.ts',
    'scripts/markdown-at-build.ts', 'scripts/catalog-prose-plugin.ts', 'scripts/browser-model-messages-plugin.ts',
    'scripts/catalog-in-browser-plugin.ts'],
};

export const PACKAGE_BUILD: Build = {
  stamp: 'dist/package-build.json',
  output: 'lib/cli.js',
  always: ['scripts/build-package.ts', 'package-lock.json', 'scripts/build-stamp.ts', 'tsconfig.json',
    'tsconfig.build.json', 'engines/webkit/automation-host.py'],
};

interface Stamp {
  /** Path relative to the project root: "size:mtimeMs" (files) or "dir:mtimeMs" (folders). */
  inputs: Record<string, string>;
}

async function fingerprint(root: string, path: string, folder: boolean): Promise<string> {
  const info = await stat(join(root, path)).catch(() => null);
  if (!info) return 'missing';
  return folder ? `dir:${info.mtimeMs}` : `${info.size}:${info.mtimeMs}`;
}

/** Records the inputs of a build that just finished: module ids (absolute or relative to the root); others ignored. */
export async function writeStamp(root: string, build: Build, moduleIds: Iterable<string>): Promise<void> {
  const bundled = new Set<string>();
  for (const id of moduleIds) {
    const path = relative(root, resolve(root, id.split('?')[0] ?? id));
    if (!path.startsWith('..') && !path.startsWith('\0') && !path.startsWith('node_modules')) bundled.add(path);
  }
  const files = new Set([...build.always, ...bundled]);
  // The folders of bundled modules only: the root's own time changes with any file written there (an editor's rename).
  const folders = new Set([...bundled].map((f) => dirname(f)).filter((d) => d !== '.'));
  const inputs: Record<string, string> = {};
  await Promise.all([
    ...[...files].map(async (f) => (inputs[f] = await fingerprint(root, f, false))),
    ...[...folders].map(async (d) => (inputs[`${d}/`] = await fingerprint(root, d, true))),
  ]);
  await mkdir(dirname(join(root, build.stamp)), { recursive: true });
  await writeFile(join(root, build.stamp), `${JSON.stringify({ inputs }, null, 1)}\n`);
}

/** Null when the last build is current; otherwise why a build is needed (the first input that changed). */
export async function staleBecause(root: string, build: Build): Promise<string | null> {
  let stamp: Stamp;
  try {
    stamp = JSON.parse(await readFile(join(root, build.stamp), 'utf8')) as Stamp;
  } catch {
    return `no record of a build here (${build.stamp})`;
  }
  if (!(await stat(join(root, build.output)).catch(() => null))) return `${build.output} is missing`;
  for (const [path, recorded] of Object.entries(stamp.inputs)) {
    const folder = path.endsWith('/');
    const now = await fingerprint(root, folder ? path.slice(0, -1) : path, folder);
    if (now !== recorded) return `${path} changed since the last build`;
  }
  return null;
}
