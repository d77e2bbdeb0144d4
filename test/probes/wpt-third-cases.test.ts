/**
 * A model regression set that needs no browser: the third WPT-derived table (wpt-third-cases.ts) as Chromium
 * 156.0.8078.129, Firefox 153.8.0 ESR and WebKitGTK 2.50.6 ran it on 2026-12-07 (`cors-lab run --browser all
 * --json`, Debian 12; wpt-third-observed.json keeps what each engine observed, origins written as
 * `{origin:NAME}`). Every step of every case, in every engine, must be what the model for that engine predicts.
 * The same table runs in real Chromium in test/e2e/model-agreement.spec.ts; after a change to the table, record
 * again (run the table in all three engines and write each step's observed fields under its case id).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Observation, Prediction } from '../../engines/run-result.ts';
import { predictExperimentAsync } from '../../experiments/model/predict.ts';
import { validateExperiments } from '../../format/validate.ts';
import { DEFAULT_ORIGIN_MAP } from '../../plan/origins.ts';
import { disagreements } from '../../runner/agreement.ts';
import { ENGINE_MODELS } from '../../runner/engine-models.ts';
import { wptThirdCases } from './wpt-third-cases.ts';

type Recorded = Partial<Observation> & { readableHeaders: string[] };
interface Recording {
  browsers: string[];
  cases: Record<string, Record<'chromium' | 'firefox' | 'webkit', Recorded[]>>;
}

const recordingFile = new URL('./wpt-third-observed.json', import.meta.url);
const recording = JSON.parse(readFileSync(recordingFile, 'utf8')) as Recording;
const cases = validateExperiments([...wptThirdCases], 'test/probes/wpt-third-cases.ts');

/** The lab's origins as the recording writes them, longest URL first (a URL may prefix another's text). */
const ORIGIN_TOKENS = Object.entries(DEFAULT_ORIGIN_MAP).sort(([, a], [, b]) => b.length - a.length);
const tokens = <T>(value: T): T => {
  if (typeof value !== 'string') return value;
  return ORIGIN_TOKENS.reduce((v, [name, url]) => v.replaceAll(url, `{origin:${name}}`), value as string) as T;
};

/** The fields every engine's run is held to (runner/agreement.ts holds Chromium to more). */
const ENGINE_FIELDS = [
  'outcome', 'reason', 'preflight', 'reachedServer', 'status', 'originSeen', 'requestHeadersSeen', 'cookieSent',
] as const;

/** The model's Chromium prediction with its origins as tokens, for runner/agreement.ts. */
function tokenized(step: Prediction): Prediction {
  return { ...step, failedParameter: tokens(step.failedParameter), originSeen: tokens(step.originSeen) };
}

describe('the third WPT-derived table: the model against the recorded runs', () => {
  it('records every case of the table, in three engines, and nothing else', () => {
    expect(recording.browsers).toEqual(['chromium 156.0.8078.129', 'firefox 153.8.0', 'webkit 2.50.6']);
    expect(Object.keys(recording.cases).sort()).toEqual(cases.map((c) => c.id).sort());
  });

  for (const experiment of cases) {
    const recorded = recording.cases[experiment.id];
    const xhr = experiment.request.api === 'xhr';
    it(`${experiment.id}: ${experiment.title}`, async () => {
      if (!recorded) throw new Error(`no recording for ${experiment.id}`);
      const chromium = await predictExperimentAsync(experiment, DEFAULT_ORIGIN_MAP, 'run');
      const problems = chromium.flatMap((step, i) => {
        const seen = recorded.chromium[i];
        if (!seen) return [`chromium step ${i}: not recorded`];
        const readable = Object.fromEntries(seen.readableHeaders.map((h) => [h, '']));
        const observed = { ...seen, readableHeaders: readable } as Observation;
        return disagreements(tokenized(step), observed, xhr).map((d) => `chromium step ${i}: ${d}`);
      });
      for (const engine of ['firefox', 'webkit'] as const) {
        const model = ENGINE_MODELS[engine];
        if (!model) throw new Error(`no model for ${engine}`);
        const predicted = await model(experiment, DEFAULT_ORIGIN_MAP, 'run', 'http://localhost/run');
        expect(predicted.length, `${engine} steps`).toBe(recorded[engine].length);
        predicted.forEach((step, i) => {
          const seen = recorded[engine][i];
          for (const field of ENGINE_FIELDS) {
            if (field === 'status' && xhr && seen?.outcome !== 'allowed') continue;
            const want = tokens(step[field] ?? null);
            const got = seen?.[field] ?? null;
            if (JSON.stringify(want) === JSON.stringify(got)) continue;
            problems.push(`${engine} step ${i}: ${field}: predicted ${JSON.stringify(want)}, observed ${JSON.stringify(got)}`);
          }
        });
      }
      expect(problems).toEqual([]);
    });
  }
});
