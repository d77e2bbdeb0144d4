import { describe, expect, test } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { predictExperiment } from '../../experiments/model/predict.ts';
import { originMap, originsAtPortBase } from '../../plan/origins.ts';
import type { BrowserRun } from '../lab/run-in-browser.ts';
import { fixAttempt, fixVerdict } from './fix-attempt.ts';

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

describe('the verdict on a fix', () => {
  const secure = catalog.find((e) => e.id === 'mixed-content-https-page-api-allows-http-app-origin')!;
  const noSteps: BrowserRun = {
    id: secure.id, run: '', experiment: secure, startedAt: '', seconds: 0, url: '', steps: [], engine: 'chromium',
  };

  test('a browser that cannot run the https experiment (no step ran) gets no verdict, never "fixed"', () => {
    const cannotRun = 'Cannot run here: your browser does not trust the lab\'s certificate';
    expect(fixVerdict({ ...noSteps, cannotRun }, {})).toEqual({ fixed: false, failure: cannotRun, cannotRun: true });
  });

  test('a runner page that did not answer is no verdict either, and not a browser that cannot run it', () => {
    expect(fixVerdict({ ...noSteps, failure: 'no answer' }, {})).toEqual({ fixed: false, failure: 'no answer' });
  });
});
