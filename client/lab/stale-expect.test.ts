import { describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { predictExperimentAsync } from '../../experiments/model/predict.ts';
import { DEFAULT_PORT_BASE, originMap, originsAtPortBase } from '../../plan/origins.ts';
import { draftOf, experimentFromDraft } from './editor-draft.ts';
import { expectingPrediction, staleExpectations } from './stale-expect.ts';

// The lab's real origins (evil is evil.localhost): some catalog middleware options match on them.
const origins = originMap(originsAtPortBase(DEFAULT_PORT_BASE));
const noAcao = catalog.find((e) => e.id === 'simple-get-no-acao')!;

describe('stale expectations', () => {
  it('none in the catalog: each expect says what the model predicts', async () => {
    for (const e of catalog) {
      const stale = staleExpectations(e, await predictExperimentAsync(e, origins), origins);
      expect({ id: e.id, stale: stale.flat() }).toEqual({ id: e.id, stale: [] });
    }
  });

  it('an edit that makes a blocked experiment allowed leaves its expect stale; the update makes it say allowed', async () => {
    const edited = (await experimentFromDraft({ ...draftOf(noAcao), actualHeaders: `Access-Control-Allow-Origin: ${origins.app}` }, noAcao)).experiment!;
    const predictions = await predictExperimentAsync(edited, origins);
    expect(staleExpectations(edited, predictions, origins)[0]).toContainEqual({ code: 'expected', field: 'outcome', want: 'blocked', got: 'allowed' });
    const updated = expectingPrediction(edited, predictions, origins);
    expect(updated.expect).toMatchObject({ outcome: 'allowed', reason: null });
    expect(staleExpectations(updated, await predictExperimentAsync(updated, origins), origins)).toEqual([[]]);
    // The literal origin typed is written as a token, so the file holds on any ports.
    expect(updated.server?.actual?.headers).toEqual({ 'Access-Control-Allow-Origin': '{page}' });
    // Only the fields the expectation named are written.
    expect(Object.keys(updated.expect!).sort()).toEqual(Object.keys(noAcao.expect!).sort());
  });

  it('updates the expectation of a later step too', async () => {
    const cached = catalog.find((e) => e.then?.some((s) => s.expect?.preflight !== undefined) && e.expect?.preflight === true)!;
    const edited = { ...cached, then: cached.then!.map((s) => ({ ...s, expect: { ...s.expect, preflight: !s.expect?.preflight } })) };
    const predictions = await predictExperimentAsync(edited, origins);
    expect(staleExpectations(edited, predictions, origins).slice(1).flat().length).toBeGreaterThan(0);
    const updated = expectingPrediction(edited, predictions, origins);
    expect(staleExpectations(updated, predictions, origins).flat()).toEqual([]);
  });
});
