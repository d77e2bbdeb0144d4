/**
 * For tests: `cors-lab serve …` as a real process, resolved once it has
 * printed its banner ("Press Ctrl+C"), with everything it printed so far.
 * The caller kills it (`child.kill('SIGTERM')`) when done.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

export interface ServeProcess {
  child: ChildProcessByStdio<null, Readable, Readable>;
  out: string;
}

export async function startServeProcess(args: readonly string[]): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  let out = '';
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        if (out.includes('Press Ctrl+C')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`serve exited (${code}) before it was ready: ${out}`)));
    });
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return { child, out };
}
