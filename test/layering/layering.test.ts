/**
 * The layering rules (.dependency-cruiser.mjs) fail on what they forbid: the
 * project's own configuration, run by the same command as `npm run layering`,
 * over a small tree in a temporary folder with one planted import per rule,
 * and over the same tree without the plants (which passes, so the plants are
 * what fail).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paced } from '../pace/machine-pace.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG = join(ROOT, '.dependency-cruiser.mjs');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

/**
 * A tree shaped as the project: the format below the plan, the plan below the model, the servers, the client
 * and the runner.
 */
const CLEAN: Record<string, string> = {
  'format/origin-names.ts': "export const NAMES = ['app'] as const;\n",
  'plan/origins.ts': "import { NAMES } from '../format/origin-names.ts';\nexport const ORIGIN_NAMES = NAMES;\n",
  'plan/answer.ts': "import { ORIGIN_NAMES } from './origins.ts';\nexport const answer = ORIGIN_NAMES[0];\n",
  'experiments/model/predict.ts': "import { answer } from '../../plan/answer.ts';\nexport const predict = answer;\n",
  'servers/lab.ts': "import { answer } from '../plan/answer.ts';\nexport const lab = answer;\n",
  'client/lab/run-in-browser.ts':
    "import { predict } from '../../experiments/model/predict.ts';\nexport const run = predict;\n",
  'runner-page/step.ts': 'export const STEP = 1;\n',
  'runner/run-experiments.ts':
    "import { STEP } from '../runner-page/step.ts';\nimport { lab } from '../servers/lab.ts';\n"
    + 'export const runs = [STEP, lab];\n',
};

/** One import per rule, each the upward import the rule names. */
const PLANTS: Record<string, string> = {
  'experiments/model/upward.ts': "import { lab } from '../../servers/lab.ts';\nexport const upward = lab;\n",
  'plan/upward.ts': "import { predict } from '../experiments/model/predict.ts';\nexport const upward = predict;\n",
  'format/upward.ts': "import { ORIGIN_NAMES } from '../plan/origins.ts';\nexport const upward = ORIGIN_NAMES;\n",
  'format/above.ts': "import { predict } from '../experiments/model/predict.ts';\nexport const above = predict;\n",
  'client/lab/upward.ts': "import { lab } from '../../servers/lab.ts';\nexport const upward = lab;\n",
  'runner/upward.ts': "import { run } from '../client/lab/run-in-browser.ts';\nexport const upward = run;\n",
  // servers → runner while runner → servers: a folder cycle.
  'servers/cycle.ts': "import { runs } from '../runner/run-experiments.ts';\nexport const cycle = runs;\n",
};

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

async function writeTree(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

interface Cruise {
  /** The exit code of `depcruise` with its default reporter, as `npm run layering` runs it. */
  code: number;
  modules: number;
  violations: Violation[];
}

async function depcruise(dir: string, ...extra: string[]): Promise<{ code: number; stdout: string }> {
  const args = [DEPCRUISE, '--config', CONFIG, ...extra, '.'];
  return promisify(execFile)(process.execPath, args, { cwd: dir, maxBuffer: 16 * 1024 * 1024 }).then(
    (done) => ({ code: 0, stdout: done.stdout }),
    (failed: { code: number; stdout: string }) => ({ code: failed.code, stdout: failed.stdout }),
  );
}

/** Runs the rules over `dir`: the exit code as `npm run layering` gets it, and the JSON report's findings. */
async function cruise(dir: string): Promise<Cruise> {
  const { code } = await depcruise(dir);
  const { stdout } = await depcruise(dir, '--output-type', 'json');
  const { summary } = JSON.parse(stdout) as { summary: { totalCruised: number; violations: Violation[] } };
  return { code, modules: summary.totalCruised, violations: summary.violations };
}

describe('the layering rules', () => {
  let clean: string;
  let planted: string;
  beforeAll(async () => {
    clean = await mkdtemp(join(tmpdir(), 'cors-lab-layers-'));
    planted = await mkdtemp(join(tmpdir(), 'cors-lab-layers-'));
    await writeTree(clean, CLEAN);
    await writeTree(planted, { ...CLEAN, ...PLANTS });
  });
  afterAll(async () => {
    await rm(clean, { recursive: true, force: true });
    await rm(planted, { recursive: true, force: true });
  });

  it('pass a tree whose imports go down the layers', async () => {
    expect(await cruise(clean)).toEqual({ code: 0, modules: Object.keys(CLEAN).length, violations: [] });
  }, paced(60_000));

  it('fail on each planted upward import and on a folder cycle, naming the rule and the files', async () => {
    const { code, modules, violations } = await cruise(planted);
    expect(modules).toBe(Object.keys(CLEAN).length + Object.keys(PLANTS).length);
    expect(code).not.toBe(0);
    const found = violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
    expect(found).toEqual(expect.arrayContaining([
      'model-not-servers: experiments/model/upward.ts -> servers/lab.ts',
      'plan-below: plan/upward.ts -> experiments/model/predict.ts',
      'format-below-plan: format/upward.ts -> plan/origins.ts',
      'format-below-plan: format/above.ts -> experiments/model/predict.ts',
      // plan/upward.ts closes plan -> experiments/model -> plan; no folder cycle is allowed there any more.
      'no-folder-cycles: plan -> experiments/model',
      'client-not-servers: client/lab/upward.ts -> servers/lab.ts',
      'runner-not-client: runner/upward.ts -> client/lab/run-in-browser.ts',
      'no-folder-cycles: servers -> runner',
    ]));
  }, paced(60_000));
});
