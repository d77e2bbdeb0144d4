import { describe, expect, it } from 'vitest';
import { catalog } from '../experiments/catalog/index.ts';
import { proseOf } from './catalog-prose.ts';
import { validateExperiments } from './validate.ts';

const source = catalog.find((e) => e.id === 'preflight-put-missing-allow-methods')!;
const edited = (changes: object) => validateExperiments({ ...source, id: `custom-${source.id}`, title: `Custom: ${source.title}`, group: 'custom', ...changes }, 'test')[0]!;

describe('proseOf (issue 8, item 5)', () => {
  it('keeps the catalog prose while the experiment is unedited, defaults spelled out or not', () => {
    expect(proseOf(source, catalog)).toEqual({ kind: 'catalog', source });
    const spelled = edited({ request: { ...source.request, api: 'fetch', mode: 'cors', credentials: 'same-origin', redirect: 'follow', path: '/', headers: {}, body: null }, server: { preflight: { status: 204, ...source.server?.preflight }, actual: { status: 200, headers: {} } } });
    expect(proseOf(spelled, catalog)).toEqual({ kind: 'catalog', source });
  });

  it('drops it once the request or the plan changes', () => {
    expect(proseOf(edited({ server: { preflight: { headers: { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Methods': 'PUT' } } } }), catalog)).toBeNull();
    expect(proseOf(edited({ request: { ...source.request, method: 'DELETE' } }), catalog)).toBeNull();
  });

  it('drops it once the middleware options, the browser settings or a later step change', () => {
    const hono = catalog.find((e) => e.id === 'hono-cors-allow-methods')!;
    expect(proseOf(hono, catalog)).toEqual({ kind: 'catalog', source: hono });
    expect(proseOf({ ...hono, server: { ...hono.server, middleware: { name: 'hono/cors', options: { allowMethods: ['GET', 'POST', 'DELETE'] } } } }, catalog)).toBeNull();
    expect(proseOf(edited({ browser: { thirdPartyCookies: 'allowed' } }), catalog)).toBeNull();
    const cached = catalog.find((e) => e.then?.some((s) => s.delayMs !== undefined))!;
    expect(proseOf(cached, catalog)).toEqual({ kind: 'catalog', source: cached });
    expect(proseOf({ ...cached, then: cached.then!.map((s) => ({ ...s, delayMs: undefined })) }, catalog)).toBeNull();
  });

  it("keeps a user's own prose", () => {
    expect(proseOf(edited({ explain: 'My note.', request: { target: 'api2' } }), catalog)).toEqual({ kind: 'own', text: 'My note.' });
    expect(proseOf(edited({ explain: undefined }), catalog)).toBeNull();
  });

  it("finds the catalog's prose by id when the experiment carries none, as the browser's catalog does", () => {
    const { explain: _explain, ...withoutExplain } = source;
    const browserCatalog = catalog.map(({ explain: _e, ...e }) => e);
    expect(proseOf(withoutExplain, browserCatalog)).toEqual({ kind: 'catalog', source: withoutExplain });
    expect(proseOf(withoutExplain, catalog)).toEqual({ kind: 'catalog', source });
    // Edited: the same id no longer describes it; another id names no catalog experiment.
    expect(proseOf({ ...withoutExplain, request: { ...source.request, method: 'DELETE' } }, browserCatalog)).toBeNull();
    expect(proseOf({ ...withoutExplain, id: 'custom-x' }, browserCatalog)).toBeNull();
    // A link that spells the catalog's prose out: the browser's catalog names the experiment it may be, to compare.
    const browserSource = browserCatalog.find((e) => e.id === source.id);
    expect(proseOf(source, browserCatalog)).toEqual({ kind: 'own', text: source.explain, sameAs: browserSource });
    expect(proseOf({ ...source, id: 'custom-x' }, browserCatalog)).toEqual({ kind: 'own', text: source.explain });
  });
});
