/** The groups of format 1.2's first slice (elements, CORP, isolation): coverage and opposite pairs. */
import { describe, expect, it } from 'vitest';
import { EMBEDDING_FIELDS } from '../../format/embedding.ts';
import { catalog } from './index.ts';

const group = (name: string) => catalog.filter((e) => e.group === name);

describe('format 1.2 groups, first slice', () => {
  for (const name of ['resources', 'corp', 'isolation']) {
    it(`"${name}" has at least 6 experiments, loaded and blocked both`, () => {
      const inGroup = group(name);
      expect(inGroup.length).toBeGreaterThanOrEqual(6);
      expect(new Set(inGroup.map((e) => e.expect?.outcome))).toEqual(new Set(['allowed', 'blocked']));
    });
  }

  it('"canvas-and-errors" has at least 6 experiments: tainted and clean canvases, muted and full errors, hidden and readable rules', () => {
    const inGroup = group('canvas-and-errors');
    expect(inGroup.length).toBeGreaterThanOrEqual(6);
    for (const field of ['canvasTainted', 'scriptErrorMuted', 'cssRulesReadable'] as const) {
      expect(new Set(inGroup.map((e) => e.expect?.[field]).filter((v) => v !== undefined)), field).toEqual(new Set([true, false]));
    }
  });

  for (const field of EMBEDDING_FIELDS) {
    it(`expects ${field} true in at least one experiment and false in another`, () => {
      const values = catalog.map((e) => e.expect?.[field]);
      expect(values.filter((v) => v === true).length, `${field}: true`).toBeGreaterThanOrEqual(1);
      expect(values.filter((v) => v === false).length, `${field}: false`).toBeGreaterThanOrEqual(1);
    });
  }

  it('uses each element API with and without crossorigin', () => {
    for (const api of ['img', 'script', 'stylesheet']) {
      const loads = catalog.filter((e) => e.request.api === api);
      expect(loads.some((e) => e.request.crossorigin === undefined), `${api} without crossorigin`).toBe(true);
      expect(loads.some((e) => e.request.crossorigin !== undefined), `${api} with crossorigin`).toBe(true);
    }
  });
});
