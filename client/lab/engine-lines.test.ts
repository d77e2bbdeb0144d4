import { describe, expect, test } from 'vitest';
import { ORIGINS, modelRun } from '../lessons/engine-run.fixture.ts';
import { engineLines } from './engine-lines.ts';

describe('the engines\' lines of a run', () => {
  test('the judging engine\'s line is the run\'s own prediction (its model is not asked twice)', async () => {
    const run = await modelRun('preflight-custom-header-missing', 'firefox');
    const [step] = run.steps;
    const line = 'the line the run recorded';
    const recorded = { ...run, steps: [{ ...step!, judged: { ...step!.judged, reason: 'CORSDidNotSucceed', console: line } }] };
    const [lines] = await engineLines(recorded, ORIGINS);
    expect(lines?.find((l) => l.engine === 'firefox')).toMatchObject({ reason: 'CORSDidNotSucceed', console: line });
    // The others come from their models.
    expect(lines?.find((l) => l.engine === 'webkit')?.reason).toBe('WebKitHeaderNotAllowed');
    expect(lines?.find((l) => l.engine === 'chromium')?.reason).toBe('HeaderDisallowedByPreflightResponse');
  });

  test('in Chromium, Firefox\'s line comes from its model', async () => {
    const [lines] = await engineLines(await modelRun('preflight-custom-header-missing', 'chromium'), ORIGINS);
    const firefox = lines?.find((l) => l.engine === 'firefox');
    expect(firefox?.reason).toBe('CORSMissingAllowHeaderFromPreflight');
    expect(firefox?.console).toContain('(Reason: header ‘x-custom’ is not allowed');
  });
});
