/**
 * firefoxNameOf names a block as the Firefox model words it, over the catalog: wherever Chromium's model and
 * Firefox's block a step, Firefox's reason is the name firefoxNameOf gives Chromium's, but where Firefox words an
 * Access-Control-Allow-Origin failure by the value it saw (a list in one line, an empty value: DEVIATIONS.md).
 */
import { describe, expect, test } from 'vitest';
import { catalog } from '../experiments/catalog/index.ts';
import { appliesTo } from './format-defaults.ts';
import { firefoxNameOf } from './firefox-reason-names.ts';
import { experimentUrl, predictExperimentAsync } from '../experiments/model/predict.ts';
import { originMap, originsAtPortBase } from '../plan/origins.ts';
import { ENGINE_MODELS } from '../runner/engine-models.ts';

const origins = originMap(originsAtPortBase(5310));
const BY_VALUE = new Set(['simple-get-acao-list', 'cache-poisoning-no-cors-first']);

describe('Firefox\'s name for a check Chromium names', () => {
  test('is the Firefox model\'s reason on every catalog step both block with a named CORS reason', async () => {
    const differing: string[] = [];
    let compared = 0;
    for (const experiment of catalog.filter((e) => appliesTo(e, 'firefox'))) {
      const url = experimentUrl(experiment, origins, 'names');
      const chromium = await predictExperimentAsync(experiment, origins, 'names', 'en');
      const firefox = await ENGINE_MODELS.firefox!(experiment, origins, 'names', url);
      chromium.forEach((step, i) => {
        const theirs = firefox[i];
        if (step.outcome !== 'blocked' || theirs?.outcome !== 'blocked' || !step.reason || !theirs.reason) return;
        const named = firefoxNameOf(step.reason);
        if (named === null) return;
        compared += 1;
        if (named !== theirs.reason) differing.push(`${experiment.id}[${i}] ${step.reason} -> ${theirs.reason}`);
      });
    }
    expect(compared).toBeGreaterThan(40);
    expect(new Set(differing.map((line) => line.split('[')[0]))).toEqual(BY_VALUE);
  });

  test('names none where Firefox prints no CORS line', () => {
    expect(firefoxNameOf('DisallowedByMode')).toBeNull();
    expect(firefoxNameOf('other')).toBeNull();
    expect(firefoxNameOf('PreflightMissingAllowOriginHeader')).toBe(firefoxNameOf('MissingAllowOriginHeader'));
  });
});
