/**
 * Ctrl+C and SIGTERM end `cors-lab run` mid-run, as a real process: exit
 * 130 / 143 promptly, and the Chromium it launched is gone. And a plan with a
 * pattern the linear engine refuses is bad input: exit 2 before any browser.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-in-memory.ts';
import { SIGNAL_EXIT_CODES } from './signals.ts';

/** Every process below `pid`, from /proc (Linux): the lab lives in the CLI's process, Chromium in children. */
function descendants(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return []; // It has ended: no process below it any more.
  }
  const children = tasks.flatMap((task) => {
    try {
      return readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
    } catch {
      return []; // That thread ended while we read.
    }
  });
  return children.flatMap((child) => {
    try {
      return [child, ...descendants(child)];
    } catch {
      return [child];
    }
  });
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    // A zombie is gone for good, waiting for its parent to read its status.
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
};

const until = async (check: () => boolean, what: string, limitMs: number): Promise<void> => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > limitMs) throw new Error(`${what}: not within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('cors-lab run, stopped by a signal mid-run', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal}: exit ${SIGNAL_EXIT_CODES[signal]} within 10 s, Chromium gone`, async () => {
      // The whole catalog one at a time (its cache experiments wait seconds), so the run is still going when the
      // signal comes, however fast the machine: a filtered run ended in 2 s on a quiet one.
      const args = ['--import', 'tsx', 'cli/main.ts', 'run', '--concurrency', '1'];
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.stdout.resume();
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
        child.on('close', (code, by) => resolve({ code, signal: by }));
      });
      try {
        // Mid-run: Chromium is up (a process below the CLI) and has been running experiments for a moment.
        await until(() => descendants(child.pid!).length > 0, 'Chromium started', 120_000);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const browser = descendants(child.pid!);
        expect(child.exitCode, 'the run is still going').toBeNull();
        const sent = Date.now();
        child.kill(signal);
        const result = await exited;
        expect(Date.now() - sent).toBeLessThan(10_000);
        expect(result).toEqual({ code: SIGNAL_EXIT_CODES[signal], signal: null });
        expect(stderr).toContain(`cors-lab: stopped by ${signal}`);
        await until(() => browser.every((pid) => !alive(pid)), 'Chromium ended', 5000);
      } finally {
        child.kill('SIGKILL');
      }
    }, 180_000);
  }
});

describe('a pattern the linear engine refuses', () => {
  it('is bad input: exit 2, naming the file, the field and why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cors-lab-regex-'));
    const file = join(dir, 'backreference.json');
    const origin = ['http://localhost:1', '/^(a+)+$/', '/^http:\\/\\/(a)\\1$/'];
    const server = { middleware: { name: 'cors', options: { origin } } };
    const experiment = { id: 'mine-regex', title: 'mine', group: 'mine', request: { target: 'api' }, server };
    writeFileSync(file, `${JSON.stringify([experiment], null, 2)}\n`);
    // No wall-clock limit here (it would fail on a loaded machine): the refusal is the schema's, before any lab starts.
    const result = await cli('run', file);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`${file}:`);
    expect(result.err).toContain('server.middleware.options.origin[2]: /^http:\\/\\/(a)\\1$/: \\1 is a backreference');
    expect(result.err).not.toContain('origin[1]');
  }, 60_000);
});
