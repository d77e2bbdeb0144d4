import { describe, expect, it } from 'vitest';
import { catalog } from './catalog/index.ts';
import { proseThatHolds } from './catalog-prose.ts';
import { validateExperiments } from './validate.ts';

const source = catalog.find((e) => e.id === 'preflight-put-missing-allow-methods')!;
const edited = (changes: object) => validateExperiments({ ...source, id: `custom-${source.id}`, title: `Custom: ${source.title}`, group: 'custom', ...changes }, 'test')[0]!;

describe('proseThatHolds (issue 8, item 5)', () => {
  it('keeps the catalog prose while the experiment is unedited, defaults spelled out or not', () => {
    expect(proseThatHolds(source, catalog)).toBe(source.explain);
    const spelled = edited({ request: { ...source.request, api: 'fetch', mode: 'cors', credentials: 'same-origin', redirect: 'follow', path: '/', headers: {}, body: null }, server: { preflight: { status: 204, ...source.server?.preflight }, actual: { status: 200, headers: {} } } });
    expect(proseThatHolds(spelled, catalog)).toBe(source.explain);
  });

  it('drops it once the request or the plan changes', () => {
    expect(proseThatHolds(edited({ server: { preflight: { headers: { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Methods': 'PUT' } } } }), catalog)).toBeNull();
    expect(proseThatHolds(edited({ request: { ...source.request, method: 'DELETE' } }), catalog)).toBeNull();
  });

  it('drops it once the middleware options, the browser settings or a later step change', () => {
    const hono = catalog.find((e) => e.id === 'hono-cors-allow-methods')!;
    expect(proseThatHolds(hono, catalog)).toBe(hono.explain);
    expect(proseThatHolds({ ...hono, server: { ...hono.server, middleware: { name: 'hono/cors', options: { allowMethods: ['GET', 'POST', 'DELETE'] } } } }, catalog)).toBeNull();
    expect(proseThatHolds(edited({ browser: { thirdPartyCookies: 'allowed' } }), catalog)).toBeNull();
    const cached = catalog.find((e) => e.then?.some((s) => s.delayMs !== undefined))!;
    expect(proseThatHolds(cached, catalog)).toBe(cached.explain);
    expect(proseThatHolds({ ...cached, then: cached.then!.map((s) => ({ ...s, delayMs: undefined })) }, catalog)).toBeNull();
  });

  it("keeps a user's own prose", () => {
    expect(proseThatHolds(edited({ explain: 'My note.', request: { target: 'api2' } }), catalog)).toBe('My note.');
    expect(proseThatHolds(edited({ explain: undefined }), catalog)).toBeNull();
  });
});
