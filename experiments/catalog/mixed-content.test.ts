/** The "mixed-content" group: the secure origin on both sides, allowed and blocked pairs, protocol both ways. */
import { describe, expect, it } from 'vitest';
import { catalog } from './index.ts';
import { ENGINES } from '../../format/engine-names.ts';
import { appliesTo } from '../../format/format-defaults.ts';

const inGroup = catalog.filter((e) => e.group === 'mixed-content');
const steps = inGroup.flatMap((e) => [e.expect, ...(e.then ?? []).map((t) => t.expect)]);

describe('the mixed-content group', () => {
  it('has at least 6 experiments, allowed and blocked both, in every engine (each trusts the lab certificate)', () => {
    expect(inGroup.length).toBeGreaterThanOrEqual(6);
    expect(new Set(inGroup.map((e) => e.expect?.outcome))).toEqual(new Set(['allowed', 'blocked']));
    for (const e of inGroup) expect(ENGINES.filter((engine) => appliesTo(e, engine)), e.id).toEqual([...ENGINES]);
  });

  it('runs pages on the https origin and on http, and requests to both', () => {
    expect(inGroup.some((e) => e.page === 'secure')).toBe(true);
    expect(inGroup.some((e) => (e.page ?? 'app') !== 'secure')).toBe(true);
    expect(inGroup.some((e) => e.request.target === 'secure')).toBe(true);
    expect(inGroup.some((e) => e.request.target !== 'secure')).toBe(true);
  });

  it('expects protocol h2 and http/1.1, and cookies sent and not sent', () => {
    expect(new Set(steps.map((s) => s?.protocol).filter((p) => p !== undefined))).toEqual(new Set(['h2', 'http/1.1']));
    expect(new Set(steps.map((s) => s?.cookieSent).filter((c) => c !== undefined))).toEqual(new Set([true, false]));
  });

  it('names the setup in every title, never the result (predict first)', () => {
    for (const e of inGroup) expect(e.title, e.id).not.toMatch(/\b(is|are) (blocked|allowed|refused|sent)\b/i);
  });
});
