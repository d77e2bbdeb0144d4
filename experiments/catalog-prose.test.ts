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

  it("keeps a user's own prose", () => {
    expect(proseThatHolds(edited({ explain: 'My note.', request: { target: 'api2' } }), catalog)).toBe('My note.');
    expect(proseThatHolds(edited({ explain: undefined }), catalog)).toBeNull();
  });
});
