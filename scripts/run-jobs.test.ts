import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobRunner, verdict, type Job } from './run-jobs.ts';

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
      const t = setInterval(() => { if (fs.existsSync('${theirs}')) { clearInterval(t); console.log('${mine} two'); } }, 10);`;
    const { passed, out } = await run([[node('a', waitFor('a', 'b')), node('b', waitFor('b', 'a'))]], dir);
    expect(passed).toBe(true);
    // Each job's lines stay together under its header, whatever order they were written in.
    expect(out).toMatch(/== a: passed in \d+ s\na one\na two\n== end of a\n/);
    expect(out).toMatch(/== b: passed in \d+ s\nb one\nb two\n== end of b\n/);
    expect(out).toMatch(/Summary:\n {2}a {2}passed in \d+ s\n {2}b {2}passed in \d+ s\n$/);
  });

  it('a failed job ends its stage, keeps its output and error output, and the next stage is named as not run', async () => {
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
    // The job starts a child that would outlive it, prints its pid, and waits.
    const job = node('holds', `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      console.log('child ' + child.pid);
      setInterval(() => {}, 1000);`);
    const ran = runner.runStages([[job]]);
    // The job's child, by ps (the job's output is kept until it ends); a zombie (state Z) has ended.
    const children = (): number[] => execFileSync('ps', ['-eo', 'pid,stat,args'], { encoding: 'utf8' }).split('\n')
      .filter((l) => l.includes('setInterval(() => {}, 1000)') && !l.includes('spawn'))
      .map((l) => l.trim().split(/\s+/))
      .filter(([, stat]) => !stat?.startsWith('Z'))
      .map(([pid]) => Number(pid));
    await expect.poll(() => children().length).toBeGreaterThan(0);
    const before = children();
    runner.stop('SIGTERM');
    expect(await ran).toBe(false);
    expect(out).toContain('== holds: stopped by SIGTERM');
    await expect.poll(() => children().filter((pid) => before.includes(pid))).toEqual([]);
  });

  it('words how a job ended', () => {
    expect(verdict({ name: 'x', code: 0, signal: null, seconds: 12.4 })).toBe('passed in 12 s');
    expect(verdict({ name: 'x', code: 2, signal: null, seconds: 0.2 })).toBe('failed (exit code 2) in 0 s');
    expect(verdict({ name: 'x', code: null, signal: 'SIGINT', seconds: 40 })).toBe('stopped by SIGINT in 40 s');
  });
});
