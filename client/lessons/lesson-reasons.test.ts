import { describe, expect, test } from 'vitest';
import { NO_ANSWER, grade } from './grade.ts';
import { engineDifferences, lessonStepSeen } from './lesson-reasons.ts';
import { modelRun } from './engine-run.fixture.ts';
import { fixVerdict } from './fix-attempt.ts';
import { loadLessonsFromDisk } from '../../lessons/load-from-disk.ts';
import type { Prediction } from '../../lessons/schema.ts';
import type { EngineName } from '../../format/engine-names.ts';

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

  /** The first step of catalog experiment `id` as a lesson grades it in `engine`, offering `offered`. */
  async function seenIn(engine: EngineName, id: string, offered: readonly string[] | undefined) {
    return lessonStepSeen((await modelRun(id, engine)).steps[0]!, engine, offered);
  }

  test('in WebKit a choice is right when WebKit says its check with the sentence that stopped it', async () => {
    const offered = asked(PREFLIGHT_LESSON, 'preflight-custom-header-missing').reasons;
    const header = await seenIn('webkit', 'preflight-custom-header-missing', offered);
    expect(header.modelReason).toBe('WebKitHeaderNotAllowed');
    expect(header.reasonAnswers).toEqual(['HeaderDisallowedByPreflightResponse']);
    // One sentence for a missing Access-Control-Allow-Origin on the preflight and on the answer: both right.
    const missing = asked(PREFLIGHT_LESSON, 'preflight-ok-actual-missing-acao');
    const seen = await seenIn('webkit', 'preflight-ok-actual-missing-acao', missing.reasons);
    expect(seen.modelReason).toBe('WebKitAllowOriginNotAllowed');
    expect(seen.reasonAnswers).toEqual(['MissingAllowOriginHeader', 'PreflightMissingAllowOriginHeader']);
    const answer = { ...NO_ANSWER, outcome: 'blocked' as const, ask: { reachedServer: true } };
    for (const reason of ['MissingAllowOriginHeader', 'PreflightMissingAllowOriginHeader']) {
      expect(grade(missing, { ...answer, reason }, seen).map((g) => g.right)).toEqual([true, true, true]);
    }
    expect(grade(missing, { ...answer, reason: 'PreflightInvalidStatus' }, seen)[1]?.right).toBe(false);
  });

  test('in WebKit a missing and a mismatched Allow-Origin are both right, on a redirect\'s answer too', async () => {
    const lesson = 'redirects';
    for (const id of ['redirect-cross-origin-page-origin-fails', 'redirect-hop-missing-acao']) {
      const offered = asked(lesson, id).reasons;
      const both = ['AllowOriginMismatch', 'MissingAllowOriginHeader'];
      expect((await seenIn('webkit', id, offered)).reasonAnswers, id).toEqual(both);
      expect((await seenIn('chromium', id, offered)).reasonAnswers, id).toHaveLength(1);
    }
    const userinfo = await seenIn('webkit', 'redirect-userinfo', asked(lesson, 'redirect-userinfo').reasons);
    expect(userinfo.modelReason).toBe('WebKitRedirectDenied');
    expect(userinfo.reasonAnswers).toEqual(['RedirectContainsCredentials']);
  });

  test('in WebKit a failed preflight\'s status speaks first: graded by WebKit\'s model, not Chromium\'s', async () => {
    const id = 'preflight-status-404-no-cors';
    const offered = asked(PREFLIGHT_LESSON, id).reasons;
    const step = (await modelRun(id, 'webkit')).steps[0]!;
    expect(engineDifferences(step)).toEqual(['reason']);
    const seen = lessonStepSeen(step, 'webkit', offered);
    expect(seen.modelReason).toBe('WebKitPreflightNotSuccessful');
    expect(seen.reasonAnswers).toEqual(['PreflightInvalidStatus']);
    expect(seen.reasonAnswers).not.toContain('PreflightMissingAllowOriginHeader');
  });

  test('in WebKit a block WebKit prints no CORS sentence for (mixed content) is not graded on the reason', async () => {
    const id = 'mixed-content-https-page-api-allows-http-app-origin';
    const prediction = asked('https-and-mixed-content', id);
    const step = (await modelRun(id, 'webkit')).steps[0]!;
    expect(step.predicted.reason).toBe('AllowOriginMismatch');
    const seen = lessonStepSeen(step, 'webkit', prediction.reasons);
    expect(seen.reasonAnswers).toEqual([]);
    const graded = grade(prediction, { ...NO_ANSWER, outcome: 'blocked', reason: 'AllowOriginMismatch' }, seen);
    expect(graded.map((g) => g.question)).not.toContain('reason');
  });

  test('a fix-it\'s verdict in WebKit: its id and the sentence Safari\'s console shows; none in Chromium', async () => {
    const verdict = fixVerdict(await modelRun('preflight-custom-header-missing', 'webkit'), {});
    expect(verdict).toMatchObject({
      fixed: false, reason: 'WebKitHeaderNotAllowed', check: 'HeaderDisallowedByPreflightResponse',
      line: 'Request header field x-custom is not allowed by Access-Control-Allow-Headers.',
    });
    const inFirefox = fixVerdict(await modelRun('preflight-custom-header-missing', 'firefox'), {});
    expect(inFirefox).toMatchObject({ line: expect.stringMatching(/^Cross-Origin Request Blocked: .*x-custom/) });
    expect(fixVerdict(await modelRun('preflight-custom-header-missing', 'chromium'), {})).toMatchObject({ line: null });
  });
});
