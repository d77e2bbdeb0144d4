/**
 * The runner page's script, bundled from runner-page/ once per process with
 * esbuild, so `cors-lab run` works without a client build.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../runner-page/runner-page.ts', import.meta.url));

let bundle: Promise<string> | undefined;

export function runnerScript(): Promise<string> {
  bundle ??= build({ entryPoints: [ENTRY], bundle: true, write: false, format: 'iife', target: 'es2022', minify: true, logLevel: 'silent' }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('the runner script did not build');
    return file.text;
  });
  return bundle;
}
