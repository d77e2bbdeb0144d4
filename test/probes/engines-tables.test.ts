/**
 * A model regression set that needs no browser: the WPT-derived tables of ENGINE_TABLES (wpt-cases.ts,
 * wpt-more-cases.ts, elements-cases.ts, navigation-cases.ts: 1,510 cases) as Firefox 153 ESR and WebKitGTK 2.50 ran them
 * (engines-observed.json, written by record-engines.ts). Every step of every case, in each engine, must be what that engine's model predicts: the
 * fields every engine's run is held to and the console line, word for word. Chromium runs the same tables live in
 * test/e2e/model-agreement.spec.ts. The few cases the models do not yet follow are named in NOT_YET, each with what
 * differs; the test fails when one of them starts to agree (take it off the list) or another stops.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { experimentUrl } from '../../experiments/model/predict.ts';
import { validateExperiments } from '../../format/validate.ts';
import { DEFAULT_ORIGIN_MAP } from '../../plan/origins.ts';
import { ENGINE_MODELS } from '../../runner/engine-models.ts';
import { ENGINE_TABLES, RECORDED_FIELDS, fullStep, recordedStep, type EngineRecording } from './engine-tokens.ts';

const recording = JSON.parse(readFileSync(new URL('./engines-observed.json', import.meta.url), 'utf8')) as EngineRecording;
const cases = ENGINE_TABLES.flatMap(({ file, cases: table }) => validateExperiments([...table], file));
const ENGINES = ['firefox', 'webkit'] as const;

/** `engine id`: the cases measured but not yet modelled, and why (DEVIATIONS.md names the modelled ones). */
const NOT_YET: Record<string, string> = {
  'firefox probe-more-chains-20': "after a 303 turned a JSON PUT into a GET, Firefox's later preflight still names content-type",
  'webkit probe-redirect-491': 'a same-origin request sent to api and back to app: WebKit refuses the return hop',
  'webkit probe-http-cache-634': "WebKitGTK's URL-keyed HTTP cache serves the app's copy to a sandboxed page",
  'firefox probe-http-cache-652': "Firefox's HTTP cache serves a sandboxed page its own earlier answer",
  'webkit probe-http-cache-652': "WebKitGTK's HTTP cache serves a sandboxed page its own earlier answer",
};

/** What differs between the model's steps and the recorded ones, field by field. */
async function differences(engine: (typeof ENGINES)[number], experiment: (typeof cases)[number]): Promise<string[]> {
  const recorded = recording.cases[experiment.id]?.[engine];
  if (!recorded) return [`not recorded`];
  const model = ENGINE_MODELS[engine];
  if (!model) throw new Error(`no model for ${engine}`);
  const run = 'run';
  const predicted = await model(experiment, DEFAULT_ORIGIN_MAP, run, experimentUrl(experiment, DEFAULT_ORIGIN_MAP, run));
  if (predicted.length !== recorded.length) return [`${predicted.length} steps predicted, ${recorded.length} recorded`];
  return predicted.flatMap((step, i) => {
    const want = fullStep(recordedStep(step, DEFAULT_ORIGIN_MAP));
    const got = fullStep(recorded[i] ?? []);
    return recording.fields.flatMap((field, k) =>
      JSON.stringify(want[k]) === JSON.stringify(got[k])
        ? []
        : [`step ${i} ${field}: predicted ${JSON.stringify(want[k])}, observed ${JSON.stringify(got[k])}`]);
  });
}

describe('the WPT-derived tables: each engine\'s model against its recorded runs', () => {
  it('records every case of the tables in Firefox and WebKit, with the fields the test compares', () => {
    expect(recording.fields).toEqual([...RECORDED_FIELDS]);
    expect(recording.browsers.map((b) => b.split(' ')[0])).toEqual([...ENGINES]);
    expect(Object.keys(recording.cases).sort()).toEqual(cases.map((c) => c.id).sort());
  });

  it('names in NOT_YET only cases of the tables, in an engine recorded', () => {
    const keys = new Set(ENGINES.flatMap((engine) => cases.map((c) => `${engine} ${c.id}`)));
    expect(Object.keys(NOT_YET).filter((key) => !keys.has(key))).toEqual([]);
  });

  const groups = [...new Set(cases.map((c) => c.group))];
  for (const engine of ENGINES) {
    for (const group of groups) {
      it(`${engine}: ${group}`, async () => {
        const problems: string[] = [];
        for (const experiment of cases.filter((c) => c.group === group)) {
          const key = `${engine} ${experiment.id}`;
          const found = await differences(engine, experiment);
          if (key in NOT_YET) {
            if (found.length === 0) problems.push(`${key} now agrees: take it off NOT_YET`);
          } else {
            problems.push(...found.map((d) => `${experiment.id} (${experiment.title}): ${d}`));
          }
        }
        expect(problems).toEqual([]);
      });
    }
  }
});
