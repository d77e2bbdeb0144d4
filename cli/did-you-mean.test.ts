/** "Did you mean" for commands, flags and catalog ids: the closest known word, or none; and `run ID` runs a catalog experiment. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closest, editDistance } from './did-you-mean.ts';
import { cliProcess } from './cli-process.ts';

describe('closest', () => {
  it('counts insertions, deletions, substitutions and swaps', () => {
    expect(editDistance('serve', 'serve')).toBe(0);
    expect(editDistance('serv', 'serve')).toBe(1);
    expect(editDistance('sacn', 'scan')).toBe(1);
    expect(editDistance('porbe', 'probe')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  const COMMANDS = ['serve', 'origins', 'list', 'run', 'scan', 'probe'];
  for (const [typed, expected] of [
    ['serv', 'serve'], ['sacn', 'scan'], ['prbe', 'probe'], ['lst', 'list'], ['RUN', 'run'], ['orig', 'origins'], ['bogus', null], ['x', null], ['p', null],
  ] as const) {
    it(`${typed} -> ${expected ?? 'no suggestion'}`, () => expect(closest(typed, COMMANDS)).toBe(expected));
  }
});

/** Decoded output of the CLI as a process. */
async function run(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return runIn(undefined, ...args);
}
async function runIn(cwd: string | undefined, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const { code, stdout, stderr } = await cliProcess(args, 120_000, cwd);
  return { code, out: stdout.toString(), err: stderr.toString() };
}

describe.concurrent('cors-lab as a process: suggestions for what was mistyped', () => {
  for (const [args, message] of [
    [['serv'], 'cors-lab: unknown command "serv"; did you mean serve?\nCommands: serve, origins, list, run, scan, probe, ca, explain. See: cors-lab --help\n'],
    [['bogus'], 'cors-lab: unknown command "bogus"\nCommands: serve, origins, list, run, scan, probe, ca, explain. See: cors-lab --help\n'],
    [['run', '--filtr', 'x'], "cors-lab: run: Unknown option '--filtr'; did you mean --filter?\nSee: cors-lab run --help\n"],
    [['probe', 'http://127.0.0.1:9/', '--orign', 'http://localhost:3000'], "cors-lab: probe: Unknown option '--orign'; did you mean --origin?\nSee: cors-lab probe --help\n"],
    [['scan', 'http://127.0.0.1:9/', '--jsno=out.json'], "cors-lab: scan: Unknown option '--jsno'; did you mean --json?\nSee: cors-lab scan --help\n"],
    [['serve', '--clas'], "cors-lab: serve: Unknown option '--clas'; did you mean --class?\nSee: cors-lab serve --help\n"],
    [['run', 'simple-get-no-aco'], 'cors-lab: simple-get-no-aco: no such file or folder, nor a catalog experiment; did you mean simple-get-no-acao? (cors-lab run simple-get-no-acao)\n'],
    [['run', 'missing.json'], 'missing.json: no such file or folder\n'],
  ] as const) {
    it(`cors-lab ${args.join(' ')}: exit 2`, async () => {
      const { code, out, err } = await run(...args);
      expect(err).toBe(message);
      expect(out).toBe('');
      expect(code).toBe(2);
    }, 150_000);
  }

  it('cors-lab run simple-get-no-acao: no such file, but a catalog id: runs that experiment', async () => {
    const { code, out } = await run('run', 'simple-get-no-acao');
    expect(out).toMatch(/^PASS {2}simple-get-no-acao /m);
    expect(out).toContain('1 passed, 0 failed');
    expect(code).toBe(0);
  }, 150_000);

  it('a file named like a catalog id wins: its experiment runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cors-lab-id-'));
    const mine = { id: 'mine-from-a-file', title: 'from the file', group: 'simple', request: { target: 'api' }, expect: { outcome: 'blocked' } };
    await writeFile(join(dir, 'simple-get-no-acao'), JSON.stringify([mine]));
    const { code, out } = await runIn(dir, 'run', 'simple-get-no-acao');
    expect(out).toMatch(/^PASS {2}mine-from-a-file /m);
    expect(out).not.toContain('PASS  simple-get-no-acao ');
    expect(code).toBe(0);
  }, 150_000);
});
