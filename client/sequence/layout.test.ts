/** The diagram's layout from the model's predictions: lanes, arrows and labels, stop note, size. */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { predictExperiment } from '../../experiments/model/predict.ts';
import type { ExperimentInput } from '../../format/schema.ts';
import { validateExperiments } from '../../format/validate.ts';
import { originMap, originsAtPortBase } from '../../plan/origins.ts';
import { predictedSequence } from './from-run.ts';
import { columns, layoutSequence, type SequenceLayout } from './layout.ts';

const origins = originMap(originsAtPortBase(5310));

function laidOut(input: Omit<ExperimentInput, 'id' | 'title' | 'group'>): SequenceLayout {
  const experiment = validateExperiments({ id: 'x', title: 'x', group: 'x', ...input }, 'test')[0]!;
  return layoutSequence(predictedSequence(experiment, 0, predictExperiment(experiment, origins)[0]!, origins));
}
const texts = (l: SequenceLayout, i: number) => l.arrows[i]!.lines.map((x) => x.text);
const route = (l: SequenceLayout) => l.arrows.map((a) => `${a.kind}:${a.from}>${a.to}`);

describe('layoutSequence', () => {
  it('a preflighted request: page, browser, one origin; preflight and request with their answers', () => {
    const l = laidOut({ request: { target: 'api', method: 'PUT', headers: { 'X-Custom': '1' } }, server: { preflight: { headers: { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-custom' } }, actual: { headers: { 'Access-Control-Allow-Origin': '*', 'X-Secret': '1' } } } });
    expect(l.lanes.map((lane) => [lane.label, lane.detail])).toEqual([['page (app)', origins.app], ['browser', 'CORS checks'], ['api', origins.api]]);
    expect(route(l)).toEqual(['call:page>browser', 'preflight:browser>origin:api', 'response:origin:api>browser', 'request:browser>origin:api', 'response:origin:api>browser', 'result:browser>page']);
    expect(texts(l, 1)).toEqual(['preflight', 'OPTIONS /', `Origin: ${origins.app}`, 'Access-Control-Request-Method: PUT', 'Access-Control-Request-Headers: x-custom']);
    expect(texts(l, 2)).toEqual(['204', `Access-Control-Allow-Origin: ${origins.app}`, 'Access-Control-Allow-Methods: PUT', 'Access-Control-Allow-Headers: x-custom']);
    expect(l.arrows[1]!.dashed && !l.arrows[3]!.dashed).toBe(true);
    expect(texts(l, 5)).toEqual(['status 200 readable', 'JavaScript reads: content-length,', 'content-type', 'hidden: access-control-allow-origin,', 'x-secret, content-security-policy,', 'connection, keep-alive']);
    expect(l.stop).toBeNull();
    // Arrows go down the page, and every lane fits in the width.
    expect(l.arrows.map((a) => a.y)).toEqual([...l.arrows.map((a) => a.y)].sort((a, b) => a - b));
    expect(Math.max(...l.lanes.map((lane) => lane.x))).toBeLessThan(l.width);
  });

  it('a redirect chain: a lane per origin in order of contact; the Location names the next lane', () => {
    const experiment = catalog.find((e) => e.id === 'redirect-cross-origin-null-origin')!;
    const l = layoutSequence(predictedSequence(experiment, 0, predictExperiment(experiment, origins)[0]!));
    expect(l.lanes.map((lane) => lane.id)).toEqual(['page', 'browser', 'origin:api', 'origin:api2']);
    expect(route(l)).toEqual(['call:page>browser', 'request:browser>origin:api', 'response:origin:api>browser', 'request:browser>origin:api2', 'response:origin:api2>browser', 'result:browser>page']);
    expect(texts(l, 2)).toContain('Location: → api2');
    expect(texts(l, 3)).toEqual(['GET / (hop 1)', 'Origin: null']);
  });

  it('a blocked simple request: the answer arrives, the browser stops, the missing header is named', () => {
    const l = laidOut({ request: { target: 'api' } });
    expect(route(l)).toEqual(['call:page>browser', 'request:browser>origin:api', 'response:origin:api>browser', 'result:browser>page']);
    expect(l.arrows[2]!.lines.at(-1)).toEqual({ text: '(no Access-Control-Allow-Origin)', tone: 'bad' });
    expect(l.stop?.lines.map((x) => x.text)).toEqual(['✕ stopped:', 'MissingAllowOriginHeader', 'the answer has no', 'Access-Control-Allow-Origin for the', "request's Origin", origins.app]);
    // The accessible name gets the note whole, not its first lines.
    expect(l.stopText).toBe(`✕ stopped: MissingAllowOriginHeader the answer has no Access-Control-Allow-Origin for the request's Origin ${origins.app}`);
    // The note sits between the last answer and the page's TypeError.
    expect(l.stop!.y).toBeGreaterThan(l.arrows[2]!.y);
    expect(l.arrows[3]!.y).toBeGreaterThan(l.stop!.y + l.stop!.height);
    expect(texts(l, 3)).toEqual(['TypeError: Failed to fetch', 'JavaScript is not told why']);
  });

  it('a request refused before sending: no origin lane, and the note still fits', () => {
    const l = laidOut({ request: { target: 'api', mode: 'same-origin' } });
    expect(l.lanes.map((lane) => lane.id)).toEqual(['page', 'browser']);
    expect(route(l)).toEqual(['call:page>browser', 'result:browser>page']);
    expect(l.stop!.x + l.stop!.width).toBeLessThanOrEqual(l.width);
    expect(l.stop!.lines[1]!.text).toBe('DisallowedByMode');
  });

  it('cuts long values so the picture keeps its size', () => {
    const l = laidOut({ request: { target: 'api' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'x'.repeat(300) } } } });
    expect(texts(l, 2)[2]).toMatch(/^Access-Control-Expose-Headers: x+…$/);
    expect(l.width).toBeLessThan(5 * 400);
  });
});

describe('lane spacing', () => {
  it('puts each origin lane just far enough right for the labels of its arrows', () => {
    const l = laidOut({ request: { target: 'api' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } });
    const [page, browser, api] = l.lanes.map((lane) => lane.x) as [number, number, number];
    const widest = Math.max(...l.arrows.filter((a) => a.to === 'origin:api' || a.from === 'origin:api').flatMap((a) => a.lines.map((x) => x.text.length)));
    expect(api - browser).toBeGreaterThanOrEqual(widest * 7.2);
    expect(api - browser).toBeLessThan(widest * 7.2 + 60);
    expect(browser - page).toBeGreaterThanOrEqual(180);
    expect(l.width).toBe(api + 80 + 16);
  });
});

describe('Location labels', () => {
  it('elide the plan but keep the userinfo that decided a block', () => {
    const l = laidOut({ request: { target: 'api' }, server: { redirects: [{ to: 'api2', userinfo: 'user:pass', headers: { 'Access-Control-Allow-Origin': '*' } }] } });
    expect(texts(l, 2)).toContainEqual(`Location: http://user:pass@${new URL(origins.api2).host}/`);
    expect(l.arrows[2]!.lines.find((x) => x.text.startsWith('Location'))!.tone).toBe('bad');
  });
});

describe('wide text (Chinese labels)', () => {
  const zhStop = '预检应答没有为请求的 Origin 给出 Access-Control-Allow-Origin，浏览器因此拒绝了这个请求，并且不会把原因告诉页面的 JavaScript。';

  it('counts a Han character or full-width sign as two columns', () => {
    expect(columns('GET /')).toBe(5);
    expect(columns('预检：')).toBe(6);
  });
  it('breaks a stop note without spaces into lines that fit, and sizes the note by columns', () => {
    const l = layoutSequence({ title: '模型的预测', page: 'app', call: ['fetch GET api/'], exchanges: [], outcome: 'blocked', stop: { reason: 'MissingAllowOriginHeader', text: zhStop, headers: [] }, result: ['TypeError: Failed to fetch', 'JavaScript 不会被告知原因'] });
    const lines = l.stop!.lines.map((x) => x.text);
    expect(lines.slice(2).join('').replaceAll(' ', '')).toBe(zhStop.replaceAll(' ', ''));
    expect(l.stopText).toBe(`✕ stopped: MissingAllowOriginHeader ${zhStop}`);
    for (const text of lines) expect(columns(text), text).toBeLessThanOrEqual(36);
    expect(l.stop!.width).toBeGreaterThanOrEqual(Math.max(...lines.map(columns)) * 7.2);
  });
});
