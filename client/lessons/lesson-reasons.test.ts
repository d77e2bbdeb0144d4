import { describe, expect, test } from 'vitest';
import { NO_ANSWER, grade } from './grade.ts';
import { engineDifferences, lessonStepSeen } from './lesson-reasons.ts';
import { modelRun } from './engine-run.fixture.ts';
import { fixVerdict } from './fix-attempt.ts';
import { loadLessonsFromDisk } from '../../lessons/load-from-disk.ts';
import type { Prediction } from '../../lessons/schema.ts';

/** What a lesson asks of an experiment (lessons/en/*.md). */
function asked(lessonId: string, experimentId: string): Prediction {
  const prediction = loadLessonsFromDisk().en.find((l) => l.id === lessonId)?.predict[experimentId];
  if (!prediction) throw new Error(`lesson ${lessonId} asks nothing of ${experimentId}`);
  return prediction;
}
const PREFLIGHT_LESSON = 'the-preflight';

describe('a lesson graded by the learner\'s engine', () => {
  test('in Chromium the reason is Chromium\'s; in Firefox the choice Firefox names as it names the block', async () => {
    const answer = { ...NO_ANSWER, outcome: 'blocked' as const, reason: 'HeaderDisallowedByPreflightResponse' };
    const prediction = asked(PREFLIGHT_LESSON, 'preflight-custom-header-missing');
    for (const engine of ['chromium', 'firefox'] as const) {
      const [step] = (await modelRun('preflight-custom-header-missing', engine)).steps;
      const seen = lessonStepSeen(step!, engine, prediction.reasons);
      expect(seen.reasonAnswers).toEqual(['HeaderDisallowedByPreflightResponse']);
      const graded = grade(prediction, answer, seen);
      expect(graded.map((g) => [g.question, g.right])).toEqual([['outcome', true], ['reason', true]]);
      // The answer is shown in the engine's words.
      const words = { chromium: 'HeaderDisallowedByPreflightResponse', firefox: 'CORSMissingAllowHeaderFromPreflight' };
      expect(graded[1]?.actual).toBe(words[engine]);
      const wrong = grade(prediction, { ...answer, reason: 'MissingAllowOriginHeader' }, seen);
      expect(wrong[1]?.right).toBe(false);
    }
  });

  test('Firefox names a missing Access-Control-Allow-Origin on a preflight as on a response: both choices are right', async () => {
    const offered = asked(PREFLIGHT_LESSON, 'preflight-status-404-no-cors').reasons;
    const chromium = lessonStepSeen((await modelRun('preflight-status-404-no-cors', 'chromium')).steps[0]!, 'chromium', offered);
    const firefox = lessonStepSeen((await modelRun('preflight-status-404-no-cors', 'firefox')).steps[0]!, 'firefox', offered);
    expect(chromium.reasonAnswers).toEqual(['PreflightMissingAllowOriginHeader']);
    expect(firefox.modelReason).toBe('CORSMissingAllowOrigin');
    expect(firefox.reasonAnswers).toEqual(['MissingAllowOriginHeader', 'PreflightMissingAllowOriginHeader']);
  });

  test('a preflight Firefox takes from its cache (a sandboxed page) is graded as Firefox does: none', async () => {
    const id = 'null-origin-preflight-never-cached';
    const run = await modelRun(id, 'firefox');
    const step = run.steps[1]!;
    expect(engineDifferences(step)).toEqual(['preflight']);
    const ask = asked('null-origin', id);
    const said = (preflight: boolean) => grade(ask, { ...NO_ANSWER, outcome: 'allowed', ask: { preflight } }, lessonStepSeen(step, 'firefox'));
    expect(said(false).map((g) => g.right)).toEqual([true, true]);
    expect(said(true).map((g) => g.right)).toEqual([true, false]);
  });

  test('a block Firefox names no reason for is not graded on the reason', async () => {
    const prediction = asked('no-cors-and-opaque', 'simple-same-origin-mode-blocked');
    const [step] = (await modelRun('simple-same-origin-mode-blocked', 'firefox')).steps;
    const seen = lessonStepSeen(step!, 'firefox', prediction.reasons);
    expect(seen.reasonAnswers).toEqual([]);
    const answer = { ...NO_ANSWER, outcome: 'blocked' as const, reason: 'DisallowedByMode', ask: { reachedServer: false } };
    const graded = grade(prediction, answer, seen);
    expect(graded.map((g) => g.question)).toEqual(['outcome', 'reachedServer']);
    expect(prediction.reasons).toContain('DisallowedByMode');
  });

  test('a caveat grades by the judging model\'s facts, not Chromium\'s', async () => {
    const run = await modelRun('null-origin-preflight-never-cached', 'firefox');
    const step = { ...run.steps[1]!, caveat: 'the lab\'s public page is loopback here' };
    step.observed = { ...step.observed, preflight: true };
    expect(lessonStepSeen(step, 'firefox').preflight).toBe(false);
    expect(lessonStepSeen({ ...step, caveat: null }, 'firefox').preflight).toBe(true);
  });

  test('a fix-it\'s verdict gives Firefox\'s reason in Firefox, Chromium\'s name of the check for the hint', async () => {
    const verdict = fixVerdict(await modelRun('preflight-custom-header-missing', 'firefox'), {});
    expect(verdict).toMatchObject({ fixed: false, reason: 'CORSMissingAllowHeaderFromPreflight', check: 'HeaderDisallowedByPreflightResponse' });
    const inChromium = fixVerdict(await modelRun('preflight-custom-header-missing', 'chromium'), {});
    expect(inChromium).toMatchObject({ reason: 'HeaderDisallowedByPreflightResponse', check: 'HeaderDisallowedByPreflightResponse' });
  });
});
