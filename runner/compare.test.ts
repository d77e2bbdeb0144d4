import { describe, expect, it } from 'vitest';
import { problemText } from '../format/problems/index.ts';
import { DEFAULT_PORT_BASE, originMap, originsAtPortBase } from '../plan/origins.ts';
import { compareExpectation, comparePrediction, compareServerAndConsole, expectationDifferences, predictionDifferences, withUnreported } from './compare.ts';
import type { Observation } from '../engines/run-result.ts';

const blocked: Observation = {
  outcome: 'blocked', reason: 'PreflightMissingAllowOriginHeader', failedParameter: null, preflight: true, reachedServer: false,
  status: null, originSeen: null, requestHeadersSeen: null, cookieSent: false, pageError: 'TypeError: Failed to fetch',
  responseType: null, readableHeaders: {}, console: null, serverSaw: [],
};
const context = { page: 'app' as const, origins: originMap(originsAtPortBase(DEFAULT_PORT_BASE)) };

describe('compare', () => {
  it('gives each disagreement as data and as the English line the CLI prints', () => {
    const predicted = { outcome: 'allowed' as const, preflight: true };
    expect(predictionDifferences(predicted, blocked)).toEqual([{ code: 'predicted', field: 'outcome', want: 'allowed', got: 'blocked' }]);
    expect(comparePrediction(predicted, blocked, 'then[0].')).toEqual(['then[0].predicted.outcome: predicted allowed, observed blocked']);
  });
  it('gives each unmet expectation as data and as the English line', () => {
    const expect_ = { outcome: 'allowed' as const, readableHeaders: ['X-Total'] };
    expect(expectationDifferences(expect_, blocked, context).map((p) => p.code)).toEqual(['expected', 'expectedReadable']);
    expect(compareExpectation(expect_, blocked, context)).toEqual(['observed.outcome: expected allowed, got blocked', 'observed.readableHeaders: expected "x-total" to be readable, it was not']);
  });
  it('says a disagreement in Chinese for the playground, field path and values as they are', () => {
    const [line] = predictionDifferences({ reachedServer: true }, blocked).map((p) => problemText(p, 'zh-CN'));
    expect(line).toBe('predicted.reachedServer：模型预测 true，浏览器实际 false');
  });
  it('holds every engine to what the servers saw, and to the console line where asked', () => {
    const line = "Access to fetch at 'http://a/' from origin 'http://b' has been blocked by CORS policy: ...";
    const seen = { ...blocked, originSeen: 'http://b', console: line };
    const predicted = { outcome: 'blocked' as const, originSeen: 'http://c', status: null };
    expect(compareServerAndConsole(predicted, seen, { console: line })).toEqual(['predicted.originSeen: predicted http://c, observed http://b']);
    expect(compareServerAndConsole({ originSeen: 'http://b' }, seen, { console: null, prefix: 'then[0].' })).toEqual([
      `then[0].predicted.console: predicted null, observed ${line}`,
    ]);
    // Not asked (Chromium's run), the line is not compared.
    expect(compareServerAndConsole({ originSeen: 'http://b' }, seen)).toEqual([]);
    // Unknown facts are not compared: an evicted journal's, a line the engine did not report.
    expect(compareServerAndConsole(predicted, seen, { console: null, unknown: new Set(['originSeen', 'console']) })).toEqual([]);
    const lost = { ...seen, console: null, unreported: ['reason' as const] };
    expect(compareServerAndConsole({ originSeen: 'http://b' }, lost, { console: line, unknown: withUnreported(new Set(), lost) })).toEqual([]);
  });
});
