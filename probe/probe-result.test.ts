/** decidedBy: which layer a probe's outcome is the verdict of, from its cause. */
import { describe, expect, it } from 'vitest';
import { CAUSES, decidedByOf, LAYERS } from './probe-result.ts';

describe('decidedByOf', () => {
  it('an allowed or opaque request (no cause) and a CORS block are CORS verdicts', () => {
    expect([decidedByOf(null), decidedByOf('cors')]).toEqual(['cors', 'cors']);
  });

  it('a refused connection is a network failure; every other cause is its own layer', () => {
    expect(decidedByOf('connection-refused')).toBe('network');
    for (const cause of CAUSES.filter((c) => c !== 'connection-refused')) expect(decidedByOf(cause)).toBe(cause);
    expect(new Set(CAUSES.map(decidedByOf))).toEqual(new Set(LAYERS));
  });
});
