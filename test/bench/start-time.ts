/**
 * Seconds from typing a start command to the playground's URL on screen: `npm start` on a built
 * tree (issue 16: within 3 s) beside `cors-lab serve` alone (the compiled CLI, as `npx cors-lab serve`).
 * Each runs in its own process group on its own ports and is stopped with SIGTERM once it printed the URL.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PRINTED = 'Open the playground: ';
/** A start that has not printed its URLs by then is reported as such, not waited for. */
const GIVE_UP_MS = 120_000;

export interface StartTime {
  ms: number;
  /** What the command printed before its URLs (a build's progress, if it built). */
  before: string;
}

export function timeToUrls(command: string, args: string[]): Promise<StartTime> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise<StartTime>((resolve, reject) => {
    const stop = (): void => {
      clearTimeout(timer);
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`${command} ${args.join(' ')}: no URL within ${GIVE_UP_MS / 1000} s; it printed: ${out}`));
    }, GIVE_UP_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const at = out.indexOf(PRINTED);
      if (at < 0) return;
      const ms = performance.now() - started;
      stop();
      resolve({ ms, before: out.slice(0, at) });
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', (error) => {
      stop();
      reject(error);
    });
    child.on('exit', (code) => {
      if (!out.includes(PRINTED)) {
        clearTimeout(timer);
        reject(new Error(`${command} ${args.join(' ')} exited (${code}) before printing a URL: ${out}`));
      }
    });
  });
}
