/** For tests: `cors-lab …` as a real process (from source), with its exit code and its output as raw bytes. */
import { spawn } from 'node:child_process';

export interface CliProcessRun {
  code: number | null;
  stdout: Buffer;
  stderr: Buffer;
}

/** Runs the CLI to its end; the process is killed at `timeoutMs` (then `code` is null). */
export function cliProcess(args: readonly string[], timeoutMs: number): Promise<CliProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err) }));
  });
}
