/** For tests: `cors-lab …` as a real process (from source), with its exit code and its output as raw bytes. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface CliProcessRun {
  code: number | null;
  stdout: Buffer;
  stderr: Buffer;
}

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
/** tsx's loader by its URL, so the CLI also runs from a working directory outside the checkout. */
const TSX = new URL('../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

/** Runs the CLI to its end, in `cwd` (default: this process's); killed at `timeoutMs` (then `code` is null). */
export function cliProcess(args: readonly string[], timeoutMs: number, cwd?: string): Promise<CliProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, MAIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
      ...(cwd ? { cwd } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err) }));
  });
}
