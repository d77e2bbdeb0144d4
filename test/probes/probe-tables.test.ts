/** The probe tables are valid experiments: caught here in a second, not minutes into the browser suite. */
import { describe, expect, it } from 'vitest';
import { validateExperiments } from '../../format/validate.ts';
import { wptCases } from './wpt-cases.ts';
import { wptMoreCases } from './wpt-more-cases.ts';
import { wptThirdCases } from './wpt-third-cases.ts';
import { elementsCases } from './elements-cases.ts';
import { navigationCases } from './navigation-cases.ts';

describe('probe tables', () => {
  const tables = [
    ['test/probes/wpt-cases.ts', wptCases], ['test/probes/wpt-more-cases.ts', wptMoreCases], ['test/probes/wpt-third-cases.ts', wptThirdCases],
    ['test/probes/elements-cases.ts', elementsCases],
    ['test/probes/navigation-cases.ts', navigationCases],
  ] as const;
  for (const [file, cases] of tables) {
    it(`${file}: every case passes the schema, ids unique`, () => {
      const valid = validateExperiments([...cases], file);
      expect(valid).toHaveLength(cases.length);
      expect(new Set(valid.map((c) => c.id)).size).toBe(valid.length);
    });
  }
});
