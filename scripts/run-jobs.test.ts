import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paced } from '../test/pace/machine-pace.ts';
import { JobRunner, verdict, type Job } from './run-jobs.ts';

/** A limit on a wait, stretched on a busy machine; never a verdict. */
const PATIENCE = { timeout: paced(5_000) };

/** Running processes whose command line holds `text` (a zombie, state Z, has ended). */
function running(text: string): Array<{ pid: number; args: string }> {
  return execFileSync('ps', ['-eo', 'pid=,stat=,args='], { encoding: 'utf8' }).split('\n')
    .map((line) => /^\s*(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .flatMap((m) => (m && !m[2]!.startsWith('Z') && m[3]!.includes(text) && !m[3]!.startsWith('ps ')
      ? [{ pid: Number(m[1]), args: m[3]! }] : []));
}

/** A job that runs a line of JavaScript in Node. */
const node = (name: string, code: string): Job => ({ name, command: process.execPath, args: ['-e', code] });

async function run(stages: Job[][], cwd?: string): Promise<{ passed: boolean; out: string }> {
  let out = '';
  const runner = new JobRunner({ cwd: cwd ?? tmpdir(), write: (text) => (out += String(Buffer.from(text))) });
  const passed = await runner.runStages(stages);
  return { passed, out };
}

describe('JobRunner', () => {
  it('runs a stage\'s jobs side by side: each waits for a file the other writes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'run-jobs-'));
    // Run one after the other, the first would wait forever for the second's file (the test's limit ends it).
    const waitFor = (mine: string, theirs: string) => `
      const fs = require('node:fs');
      console.log('${mine} one'); fs.writeFileSync('${mine}', '');
      const t = setInterval(() => {
        if (fs.existsSync('${theirs}')) { clearInterval(t); console.log('${mine} two'); }
      }, 10);`;
    const { passed, out } = await run([[node('a', waitFor('a', 'b')), node('b', waitFor('b', 'a'))]], dir);
    expect(passed).toBe(true);
    // Each job's lines stay together under its header, whatever order they were written in.
    expect(out).toMatch(/== a: passed in \d+ s\na one\na two\n== end of a\n/);
    expect(out).toMatch(/== b: passed in \d+ s\nb one\nb two\n== end of b\n/);
    expect(out).toMatch(/Summary:\n {2}a {2}passed in \d+ s\n {2}b {2}passed in \d+ s\n$/);
  });

  it('a failed job ends its stage, keeps its output and error output; the next stage is named as not run', async () => {
    const { passed, out } = await run([
      [node('fails', "console.log('out'); console.error('err'); process.exit(3)"), node('passes', '')],
      [node('later', "console.log('must not run')")],
    ]);
    expect(passed).toBe(false);
    expect(out).toContain('== fails: failed (exit code 3) in');
    expect(out).toMatch(/out\n[\s\S]*err\n/);
    expect(out).not.toContain('must not run');
    expect(out).toMatch(/ {2}later +not run: an earlier stage failed\n/);
  });

  it('a command that cannot start is a failed job that says why', async () => {
    const { passed, out } = await run([[{ name: 'missing', command: 'no-such-command-cors-lab', args: [] }]]);
    expect(passed).toBe(false);
    expect(out).toContain('== missing: failed (exit code 127)');
    expect(out).toContain('no-such-command-cors-lab: spawn no-such-command-cors-lab ENOENT');
  });

  it('stop() ends each job with what it started: a job\'s own child goes too', async () => {
    let out = '';
    const runner = new JobRunner({ cwd: tmpdir(), write: (text) => (out += String(Buffer.from(text))) });
    // The job starts a child that would outlive it, and waits. The mark tells this run's processes from any other's.
    const MARK = `run-jobs-${process.pid}-${Date.now()}`;
    const job = node('holds', `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ['-e', '/* ${MARK} */ setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      setInterval(() => {}, 1000);`);
    const ran = runner.runStages([[job]]);
    // The job's child, by ps (the job's output is kept until it ends).
    const child = (): number[] => running(`/* ${MARK} */`).filter((p) => !p.args.includes('spawn')).map((p) => p.pid);
    await expect.poll(() => child().length, PATIENCE).toBeGreaterThan(0);
    const before = child();
    runner.stop('SIGTERM');
    expect(await ran).toBe(false);
    expect(out).toContain('== holds: stopped by SIGTERM');
    await expect.poll(() => child().filter((pid) => before.includes(pid)), PATIENCE).toEqual([]);
  });

  it('a job that leaves a process holding its output ends with its exit, its output kept', async () => {
    const MARK = `run-jobs-left-${process.pid}-${Date.now()}`;
    const job = node('leaves', `
      const { spawn } = require('node:child_process');
      const code = '/* ${MARK} */ setTimeout(() => {}, 600000)';
      spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'inherit', 'inherit'] }).unref();
      console.log('said before exit');`);
    const { passed, out } = await run([[job]]);
    expect(passed).toBe(true);
    expect(out).toMatch(/== leaves: passed in \d+ s\nsaid before exit\n/);
    for (const { pid } of running(`/* ${MARK} */`)) process.kill(pid);
  });

  it('after stop(), no later stage starts, even when the stopped jobs exit 0', async () => {
    let out = '';
    const runner = new JobRunner({ cwd: tmpdir(), write: (text) => (out += String(Buffer.from(text))) });
    const mark = `/* stops-cleanly ${process.pid}-${Date.now()} */`;
    const code = " process.on('SIGTERM', () => process.exit(0)); setInterval(() => {}, 99);";
    const job = node('stops-cleanly', mark + code);
    const ran = runner.runStages([[job], [node('later', "console.log('must not run')")]]);
    await expect.poll(() => running(mark), PATIENCE).not.toEqual([]);
    runner.stop('SIGTERM');
    expect(await ran).toBe(false);
    expect(out).not.toContain('must not run');
    expect(out).toMatch(/ {2}later +not run: stopped\n/);
  });

  it('words how a job ended', () => {
    expect(verdict({ name: 'x', code: 0, signal: null, seconds: 12.4 })).toBe('passed in 12 s');
    expect(verdict({ name: 'x', code: 2, signal: null, seconds: 0.2 })).toBe('failed (exit code 2) in 0 s');
    expect(verdict({ name: 'x', code: null, signal: 'SIGINT', seconds: 40 })).toBe('stopped by SIGINT in 40 s');
  });
});
