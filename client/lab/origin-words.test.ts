import { describe, expect, it } from 'vitest';
import { ORIGINS } from '../../plan/origins.ts';
import { originAbout, originRole } from './origin-words.ts';

describe('origin words', () => {
  it('say in English exactly what the origins table says', () => {
    for (const spec of ORIGINS) {
      expect(originAbout(spec), spec.name).toBe(spec.about);
      expect(originRole(spec), spec.name).toBe(spec.role);
    }
  });
});
