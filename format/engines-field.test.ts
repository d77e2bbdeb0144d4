/** Format 1.2: `engines` and `expect.engines` (shared/experiment-format.md). */
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../engines/engine.ts';
import { appliesTo } from './format-defaults.ts';
import { validateExperiments } from './validate.ts';
import { refusals } from '../test/schema-refusals.ts';

const base = { id: 'x', title: 'x', group: 'simple', request: { target: 'api' } };

const problems = (data: unknown): string[] => refusals(data, 'experiments.json');

describe('engines', () => {
  it('applies to every engine by default, and to the named ones when given', () => {
    const [all, chromium] = validateExperiments([base, { ...base, id: 'y', engines: ['chromium'] }], 'f.json');
    expect(ENGINES.map((engine) => appliesTo(all!, engine))).toEqual([true, true, true]);
    expect([appliesTo(chromium!, 'firefox'), appliesTo(chromium!, 'chromium')]).toEqual([false, true]);
  });

  for (const engines of [['opera'], [], 'chromium', [1]]) {
    it(`refuses engines ${JSON.stringify(engines)} and names the field`, () => {
      const found = problems({ ...base, engines });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^experiments\.json: engines/);
    });
  }

  it('takes a Firefox expectation in Firefox\'s words', () => {
    const firefox = { reason: 'CORSMissingAllowOrigin' };
    // Firefox's CORP line has a reason of its own (firefox-corp.ts).
    expect(problems({ ...base, expect: { engines: { firefox: { reason: 'CORPBlocked' } } } })).toEqual([]);
    const expectation = { outcome: 'blocked', reason: 'MissingAllowOriginHeader', engines: { firefox } };
    expect(validateExperiments({ ...base, expect: expectation }, 'f.json')[0]?.expect).toEqual(expectation);
  });

  for (const reason of ['MissingAllowOriginHeader', 'CORSMissingAllowCredentials', 'cors-disabled']) {
    it(`refuses the Firefox reason ${reason}, naming the path`, () => {
      expect(problems({ ...base, expect: { engines: { firefox: { reason } } } })).toEqual([
        `experiments.json: expect.engines.firefox.reason: unknown firefox reason "${reason}": ` +
          'use a name of the firefox reasons table (README)',
      ]);
    });
  }

  it('refuses an unknown engine in expect.engines and a then step\'s too', () => {
    expect(problems({ ...base, expect: { engines: { opera: {} } } })[0]).toMatch(/^experiments\.json: expect\.engines/);
    const step = { expect: { engines: { firefox: { outcome: 'maybe' } } } };
    const path = /^experiments\.json: then\[0\]\.expect\.engines\.firefox\.outcome/;
    expect(problems({ ...base, then: [step] })[0]).toMatch(path);
  });
});
