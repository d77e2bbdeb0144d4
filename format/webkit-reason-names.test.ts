/**
 * The Chromium checks each WebKit sentence speaks for (webkit-reason-names.ts): every sentence maps, every Chromium
 * name a lesson offers is covered or said to have no WebKit sentence, and over the catalog the WebKit model's
 * sentence speaks for Chromium's check wherever both block, but where WebKit lets another check speak first.
 */
import { describe, expect, test } from 'vitest';
import { catalog } from '../experiments/catalog/index.ts';
import { appliesTo } from './format-defaults.ts';
import { isReason } from './reasons.ts';
import { WEBKIT_REASONS } from './webkit-sentences.ts';
import { WEBKIT_CHECKS, WEBKIT_SILENT, sentenceChecks, sentenceOfCheck } from './webkit-reason-names.ts';
import { experimentUrl, predictExperimentAsync } from '../experiments/model/predict.ts';
import { loadLessonsFromDisk } from '../lessons/load-from-disk.ts';
import { originMap, originsAtPortBase } from '../plan/origins.ts';
import { ENGINE_MODELS } from '../runner/engine-models.ts';

const origins = originMap(originsAtPortBase(5310));
/** Where WebKit checks a preflight's status before its Access-Control-Allow-Origin (DEVIATIONS.md, "WebKit"). */
const STATUS_FIRST = new Set(['preflight-status-401-no-cors', 'preflight-status-404-no-cors']);

const offered = [...new Set(loadLessonsFromDisk().en
  .flatMap((lesson) => Object.values(lesson.predict).flatMap((prediction) => prediction.reasons ?? [])))];

describe('the Chromium checks a WebKit sentence speaks for', () => {
  test('every WebKit sentence speaks for at least one of Chromium\'s names, and only for names Chromium gives', () => {
    expect(Object.keys(WEBKIT_CHECKS).sort()).toEqual([...WEBKIT_REASONS].sort());
    for (const reason of WEBKIT_REASONS) {
      expect(WEBKIT_CHECKS[reason].length, reason).toBeGreaterThan(0);
      for (const check of WEBKIT_CHECKS[reason]) expect(isReason(check), `${reason}: ${check}`).toBe(true);
    }
  });

  test('every reason a lesson offers is spoken for by a WebKit sentence, or explicitly has none (never both)', () => {
    const covered = new Set(Object.values(WEBKIT_CHECKS).flat());
    expect(offered.length).toBeGreaterThan(15);
    for (const reason of offered) {
      expect(covered.has(reason) !== WEBKIT_SILENT.has(reason), reason).toBe(true);
    }
    for (const silent of WEBKIT_SILENT) expect(covered.has(silent), silent).toBe(false);
  });

  test('WebKit says a missing and a mismatched Allow-Origin with one sentence; a list not a missing one', () => {
    expect(WEBKIT_CHECKS.WebKitAllowOriginNotAllowed).toEqual(expect.arrayContaining([
      'MissingAllowOriginHeader', 'AllowOriginMismatch', 'InvalidAllowOriginValue', 'PreflightMissingAllowOriginHeader',
    ]));
    expect(WEBKIT_CHECKS.WebKitMultipleAllowOrigins).toContain('MultipleAllowOriginValues');
    expect(WEBKIT_CHECKS.WebKitMultipleAllowOrigins).not.toContain('MissingAllowOriginHeader');
    expect(sentenceOfCheck('MissingAllowOriginHeader')).toBeNull(); // worded by the value
    expect(sentenceOfCheck('PreflightInvalidStatus')).toBe('WebKitPreflightNotSuccessful');
    expect(sentenceOfCheck('net::ERR_FAILED')).toBeNull(); // its sentence only under redirect: 'error'
  });

  test('a check failed on a redirect\'s answer is spoken for by the sentence WebKit puts after "policy: "', () => {
    const inner = sentenceChecks('WebKitRedirectDenied', 'MissingAllowOriginHeader');
    expect(inner).toContain('AllowOriginMismatch');
    expect(inner).not.toContain('RedirectContainsCredentials');
    expect(sentenceChecks('WebKitRedirectDenied', 'RedirectContainsCredentials'))
      .toEqual(WEBKIT_CHECKS.WebKitRedirectDenied);
    // Another engine's name is no WebKit sentence: it speaks for nothing.
    expect(sentenceChecks('CORSMissingAllowOrigin', 'MissingAllowOriginHeader')).toEqual([]);
  });

  test('over the catalog, the WebKit model\'s sentence speaks for Chromium\'s check where both name one', async () => {
    const differing: string[] = [];
    const silentButNamed: string[] = [];
    let compared = 0;
    for (const experiment of catalog.filter((e) => appliesTo(e, 'webkit'))) {
      const url = experimentUrl(experiment, origins, 'names');
      const chromium = await predictExperimentAsync(experiment, origins, 'names', 'en');
      const webkit = await ENGINE_MODELS.webkit!(experiment, origins, 'names', url);
      chromium.forEach((step, i) => {
        const theirs = webkit[i];
        if (step.outcome !== 'blocked' || theirs?.outcome !== 'blocked' || !step.reason) return;
        if (WEBKIT_SILENT.has(step.reason) && theirs.reason) silentButNamed.push(`${experiment.id}[${i}]`);
        if (!theirs.reason) return;
        compared += 1;
        if (!sentenceChecks(theirs.reason, step.reason).includes(step.reason)) {
          differing.push(`${experiment.id}[${i}] ${step.reason} -> ${theirs.reason}`);
        }
      });
    }
    expect(compared).toBeGreaterThan(60);
    expect(silentButNamed).toEqual([]);
    expect(new Set(differing.map((line) => line.split('[')[0]))).toEqual(STATUS_FIRST);
  });
});
