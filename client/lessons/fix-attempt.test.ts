import { describe, expect, test } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { predictExperiment } from '../../experiments/model/predict.ts';
import { originMap, originsAtPortBase } from '../../plan/origins.ts';
import { fixAttempt } from './fix-attempt.ts';

const experiment = catalog.find((e) => e.id === 'preflight-custom-header-missing')!;

describe('a fix-it attempt', () => {
  test('the text replaces the answer headers, and the model agrees a right fix allows it', async () => {
    const origins = originMap(originsAtPortBase(5310));
    const attempt = (await fixAttempt(experiment, 'Access-Control-Allow-Origin: {page}\nAccess-Control-Allow-Headers: X-Custom', 'Access-Control-Allow-Origin: {page}'));
    expect(attempt.problems).toEqual([]);
    expect(attempt.experiment?.server?.preflight?.headers).toEqual({ 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Headers': 'X-Custom' });
    expect(predictExperiment(attempt.experiment!, origins).map((s) => s.outcome)).toEqual(['allowed']);
  });

  test('removing a header is deleting its line', async () => {
    const attempt = (await fixAttempt(experiment, '', ''));
    expect(attempt.experiment?.server?.preflight?.headers).toEqual({});
    expect(attempt.experiment?.server?.actual?.headers).toEqual({});
  });

  test('a line without a colon and a bad header name are named, never run', async () => {
    expect((await fixAttempt(experiment, 'Access-Control-Allow-Headers X-Custom', '')).problems).toEqual(['preflight: line 1: "Access-Control-Allow-Headers X-Custom" is not "Name: value"']);
    const bad = (await fixAttempt(experiment, '', 'Bad Name: 1'));
    expect(bad.experiment).toBeNull();
    expect(bad.problems.join('\n')).toContain('server.actual.headers');
  });
});
