/** cors-lab as a real process in a shell pipeline whose reader stops early. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = ['--import', 'tsx', 'cli/main.ts'];

/** Runs cors-lab with its stdout read by nobody: the reading end is closed before the first byte, as `| head` does after its lines. */
function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe.concurrent('cors-lab in a pipeline', () => {
  // An API for scan to find something on (it reflects any Origin).
  const api = createServer((request, response) => response.writeHead(200, { 'Access-Control-Allow-Origin': request.headers.origin ?? '' }).end());
  beforeAll(() => new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve)));
  afterAll(() => new Promise((resolve) => api.close(resolve)));

  it('`cors-lab scan URL | head` ends quietly with exit code 1', async () => {
    const result = await runIntoClosedPipe(['scan', `http://127.0.0.1:${(api.address() as AddressInfo).port}/`]);
    expect(result.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(result.code).toBe(1);
  }, 150_000);

  // Every other command that prints to stdout; run with one experiment so the browser part stays short.
  for (const [args, code] of [
    [['list'], 0],
    [['list', '--json'], 0],
    [['origins', '--json'], 0],
    [['--version'], 0],
    [['run', '--filter', 'simple-get-no-acao'], 0],
  ] as const) {
    it(`\`cors-lab ${args.join(' ')} | head\` ends quietly with exit code ${code}`, async () => {
      const result = await runIntoClosedPipe([...args]);
      expect(result.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
      expect(result.code).toBe(code);
    }, 150_000);
  }
});
