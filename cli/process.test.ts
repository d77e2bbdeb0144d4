/** cors-lab as a real process: what a shell pipeline and a user typing --version see. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const CLI = ['--import', 'tsx', 'cli/main.ts'];

/** Runs cors-lab with its stdout read by nobody: the reading end is closed before the first byte, as `| head` does after its lines. */
function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

function runCli(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI, ...args], { stdio: ['ignore', 'pipe', 'inherit'], timeout: 30_000 });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

describe.concurrent('cors-lab in a pipeline', () => {
  // Every command that prints to stdout; run with one experiment so the browser part stays short.
  for (const [args, code] of [
    [['list'], 0],
    [['list', '--json'], 0],
    [['origins'], 0],
    [['origins', '--json'], 0],
    [['--help'], 0],
    [['--version'], 0],
    [['run', '--filter', 'simple-get-no-acao'], 0],
  ] as const) {
    it(`\`cors-lab ${args.join(' ')} | head\` ends quietly with exit code ${code}`, async () => {
      const result = await runIntoClosedPipe([...args]);
      expect(result.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
      expect(result.code).toBe(code);
    }, 60_000);
  }
});

describe.concurrent('cors-lab --version', () => {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  for (const flag of ['--version', '-v']) {
    it(`${flag} prints the version in package.json`, async () => {
      expect(await runCli([flag])).toEqual({ code: 0, stdout: `${version}\n` });
    });
  }
});
