/** Lessons held to the catalog and the model, with messages naming file, line and field. */
import { describe, expect, it } from 'vitest';
import { catalog } from '../experiments/catalog/index.ts';
import { originMap, originsAtPortBase } from '../plan/origins.ts';
import { checkAgainstCatalog, editHeaders } from './catalog-check.ts';
import { EN, file, front, good, lineOf } from './fixture-lesson.ts';
import { parseLesson } from './load.ts';
import type { Lesson } from './schema.ts';

describe('editHeaders', () => {
  it('replaces a header whatever its case, removes one set to null, and adds new ones', () => {
    const headers = { 'access-control-allow-origin': ['a', 'b'], 'X-Old': '1', Vary: 'Origin' };
    expect(editHeaders(headers, { 'Access-Control-Allow-Origin': '{page}', 'x-old': null, 'X-New': '2' })).toEqual({ Vary: 'Origin', 'Access-Control-Allow-Origin': '{page}', 'X-New': '2' });
    expect(editHeaders(undefined, undefined)).toEqual({});
  });
});

describe('checkAgainstCatalog', () => {
  const origins = originMap(originsAtPortBase(5310));
  const textOf = (overrides: Record<string, unknown>): string => file({ ...good(), front: front(overrides) });
  const lesson = (overrides: Record<string, unknown>): Lesson => {
    const parsed = parseLesson(EN, textOf(overrides));
    if (!parsed.lesson) throw new Error(parsed.problems.join('\n'));
    return parsed.lesson;
  };

  it('accepts a lesson true to the model', () => {
    expect(checkAgainstCatalog([lesson({})], catalog, origins)).toEqual([]);
  });

  it('names an experiment id that is not in the catalog', () => {
    const predict = { 'preflight-put-missing-allow-methods': { outcomes: ['allowed', 'blocked'] }, 'preflight-put-alowed': { outcomes: ['allowed', 'blocked'] } };
    const overrides = { experiments: ['preflight-put-missing-allow-methods', 'preflight-put-alowed'], predict };
    const line = lineOf(textOf(overrides), '"preflight-put-alowed"');
    expect(checkAgainstCatalog([lesson(overrides)], catalog, origins)).toEqual([`${EN}:${line}: experiments[1]: unknown experiment "preflight-put-alowed" (see \`cors-lab list\`)`]);
  });

  it('refuses choices without the browser\'s outcome or reason', () => {
    const bad = lesson({
      predict: {
        'preflight-put-missing-allow-methods': { outcomes: ['allowed', 'opaque'], reasons: ['MissingAllowOriginHeader', 'AllowOriginMismatch'] },
        'preflight-put-allowed': { outcomes: ['blocked', 'opaque'], step: 1 },
      },
    });
    expect(checkAgainstCatalog([bad], catalog, origins)).toEqual([
      expect.stringMatching(/:\d+: predict\["preflight-put-missing-allow-methods"\]\.outcomes: the browser's outcome "blocked" is not among the choices$/),
      expect.stringMatching(/:\d+: predict\["preflight-put-missing-allow-methods"\]\.reasons: the browser's reason "MethodDisallowedByPreflightResponse" is not among the choices$/),
      expect.stringMatching(/:\d+: predict\["preflight-put-allowed"\]\.step: step 1 does not exist; "preflight-put-allowed" has 1 step$/),
    ]);
    const reasonless = lesson({ predict: { ...(front().predict as object), 'preflight-put-missing-allow-methods': { outcomes: ['allowed', 'blocked'], reasons: ['MissingAllowOriginHeader', 'AllowOriginMismatch'] } } });
    expect(checkAgainstCatalog([reasonless], catalog, origins)).toEqual([
      expect.stringMatching(/predict\["preflight-put-missing-allow-methods"\]\.reasons: the browser's reason "MethodDisallowedByPreflightResponse" is not among the choices$/),
    ]);
  });

  it('refuses a fix-it that is not blocked, or a solution that does not fix it', () => {
    const allowed = lesson({ fixIt: { experiment: 'preflight-put-allowed', goal: 'x', learned: 'y', solution: { actual: { 'X-A': '1' } } } });
    expect(checkAgainstCatalog([allowed], catalog, origins)).toEqual([expect.stringMatching(/fixIt\.experiment: "preflight-put-allowed" is not blocked, so there is nothing to fix$/)]);
    const halfFixed = lesson({ fixIt: { experiment: 'preflight-put-missing-allow-methods', goal: 'x', learned: 'y', solution: { preflight: { 'Access-Control-Allow-Methods': 'PUT' } } } });
    expect(checkAgainstCatalog([halfFixed], catalog, origins)).toEqual([
      expect.stringMatching(/fixIt\.solution: step 0 is still blocked \(MissingAllowOriginHeader\) with this solution$/),
    ]);
  });

  it('checks headers a fix-it must make readable, and headers a question asks about', () => {
    const hidden = lesson({
      fixIt: { experiment: 'preflight-put-missing-allow-methods', goal: 'x', learned: 'y', readable: ['x-secret'], solution: { preflight: { 'Access-Control-Allow-Methods': 'PUT' }, actual: { 'Access-Control-Allow-Origin': '{page}', 'X-Secret': '1' } } },
    });
    expect(checkAgainstCatalog([hidden], catalog, origins)).toEqual([expect.stringMatching(/fixIt\.readable: "x-secret" is not readable in step 0 with this solution$/)]);
    const question = lesson({ predict: { ...(front().predict as object), 'preflight-put-allowed': { outcomes: ['allowed', 'blocked'], readable: 'X-Secret' } } });
    expect(checkAgainstCatalog([question], catalog, origins)).toEqual([expect.stringMatching(/predict\["preflight-put-allowed"\]\.readable: the server never sends "X-Secret", so the question has no answer$/)]);
  });
});
