/** The model's trace: one failed check exactly where a request stops, with the header values it read. */
import { describe, expect, it } from 'vitest';
import { catalog } from '../catalog/index.ts';
import { validateExperiments } from '../../format/validate.ts';
import { originMap, originsAtPortBase } from '../../plan/origins.ts';
import { predictExperiment } from './predict.ts';
import { failedCheck } from './trace.ts';

const origins = originMap(originsAtPortBase(5310));

describe('the trace of checks', () => {
  for (const experiment of catalog) {
    it(`${experiment.id}: a blocked step ends on its only failed check; other steps fail none`, () => {
      for (const step of predictExperiment(experiment, origins)) {
        const failed = step.checks.filter((c) => !c.ok);
        // A beacon whose CORS check failed is opaque to its page (format 1.2), its trace still ends on the failure.
        if (step.outcome === 'blocked' || step.unseenFailure) {
          expect(failed).toHaveLength(1);
          expect(step.checks.at(-1)).toBe(failed[0]);
        } else {
          expect(failed).toEqual([]);
        }
      }
    });
  }

  it('names the stage, hop, origin and header values of the check that failed', () => {
    const [experiment] = validateExperiments({ id: 'x', title: 'x', group: 'x', request: { target: 'api', method: 'PUT' }, server: { preflight: { headers: { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Methods': 'GET' } } } }, 'test');
    const [step] = predictExperiment(experiment!, origins);
    expect(failedCheck(step!.checks)).toEqual({ stage: 'preflight', hop: 0, origin: 'api', ok: false, text: 'PUT is not allowed by Access-Control-Allow-Methods', headers: [['Access-Control-Allow-Methods', 'GET']] });
    expect(step!.checks.map((c) => c.text)).toContain('a preflight is needed: PUT is not a CORS-safelisted method');
    expect(step!.checks.find((c) => c.text.startsWith('Access-Control-Allow-Origin allows'))?.headers).toEqual([['Access-Control-Allow-Origin', origins.app]]);
  });
});
