import { describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { pageOf, resolveRequest } from '../../format/schema.ts';
import { draftOf, experimentFromDraft, fieldOfPath } from './editor-draft.ts';

const put = catalog.find((e) => e.id === 'preflight-put-missing-allow-methods')!;

describe('editor draft', () => {
  it('round-trips every catalog experiment, expect and then steps included', async () => {
    for (const e of catalog) {
      const { experiment, problems } = (await experimentFromDraft(draftOf(e), e));
      expect(problems).toEqual({});
      expect(pageOf(experiment!)).toBe(pageOf(e));
      expect(resolveRequest(experiment!.request)).toEqual(resolveRequest(e.request));
      expect(experiment!.server?.actual?.headers).toEqual(e.server?.actual?.headers ?? {});
      expect(experiment!.server?.preflight?.headers).toEqual(e.server?.preflight?.headers ?? {});
      expect(experiment!.server?.redirects).toEqual(e.server?.redirects);
      expect(experiment!.expect).toEqual(e.expect);
      expect(experiment!.then).toEqual(e.then);
      expect(experiment!.server?.middleware).toEqual(e.server?.middleware);
      expect(experiment!.browser).toEqual(e.browser);
      expect(experiment!.pageHeaders).toEqual(e.pageHeaders);
      expect(experiment!.server?.websocket).toEqual(e.server?.websocket);
      expect(experiment!.server?.actual?.page).toEqual(e.server?.actual?.page);
    }
    // The catalog holds each kind of field the draft must carry.
    expect(catalog.some((e) => e.server?.middleware) && catalog.some((e) => e.browser) && catalog.some((e) => e.request.targetAddressSpace)).toBe(true);
    expect(catalog.some((e) => e.pageHeaders) && catalog.some((e) => e.request.crossorigin)).toBe(true);
    expect(catalog.some((e) => e.server?.websocket === 'any') && catalog.some((e) => typeof e.server?.websocket === 'object')).toBe(true);
    // Format 1.2 frames: a message's targetOrigin, a popup's via and noopener, the target page's behaviour.
    expect(catalog.some((e) => e.request.targetOrigin) && catalog.some((e) => e.request.via) && catalog.some((e) => e.request.noopener)).toBe(true);
    expect(catalog.some((e) => e.server?.actual?.page)).toBe(true);
  });

  it('turned into an image, an experiment drops the fetch options left at their defaults and names the others', async () => {
    const asImage = { ...draftOf(put), api: 'img', method: 'GET', requestHeaders: '', body: '' };
    const { experiment } = await experimentFromDraft(asImage, put);
    expect(experiment?.request).not.toHaveProperty('mode');
    expect(experiment?.request).not.toHaveProperty('credentials');
    // An image without crossorigin is no-cors and credentialed: saying so is no problem; saying otherwise is.
    expect((await experimentFromDraft({ ...asImage, mode: 'no-cors', credentials: 'include' }, put)).problems).toEqual({});
    const { problems } = await experimentFromDraft({ ...asImage, mode: 'same-origin', credentials: 'omit' }, put);
    const why = ": an element's mode and credentials come from its crossorigin attribute";
    expect(problems.mode).toEqual([`request.mode: mode applies to fetch and xhr, not to img${why}`]);
    expect(problems.credentials).toEqual([`request.credentials: credentials applies to fetch, xhr and eventsource, not to img${why}`]);
  });

  it('names a server.websocket that is not JSON, or not of its shape, by its field', async () => {
    const socket = catalog.find((e) => e.id === 'websocket-origin-accepted')!;
    const draft = draftOf(socket);
    expect(draft.websocket).toContain('"acceptOrigins"');
    expect((await experimentFromDraft({ ...draft, websocket: '{"acceptOrigins": [' }, socket)).problems.websocket?.[0]).toMatch(/^not valid JSON \("any", or an object like/);
    expect((await experimentFromDraft({ ...draft, websocket: '"all"' }, socket)).problems.websocket?.[0]).toMatch(/server\.websocket is "any" or/);
    expect((await experimentFromDraft({ ...draft, websocket: '' }, socket)).experiment?.server?.websocket).toBeUndefined();
  });
  it('an edit makes a custom experiment titled from its setup, and leaves the catalog prose behind', async () => {
    const { experiment } = (await experimentFromDraft({ ...draftOf(put), method: 'PATCH' }, put));
    expect(experiment).toMatchObject({ id: `custom-${put.id}`, group: 'custom', title: 'Edited: PATCH api/ from app', request: { method: 'PATCH' } });
    expect(experiment!.explain).toBeUndefined();
    // The next edit writes the title again from the new setup.
    const again = (await experimentFromDraft({ ...draftOf(experiment!), requestHeaders: 'X-Custom: 1\nX-Two: 2', credentials: 'include' }, experiment!)).experiment;
    expect(again).toMatchObject({ id: `custom-${put.id}`, title: 'Edited: PATCH api/ from app, with X-Custom, X-Two, credentials included' });
  });
  it("keeps a custom experiment's own title and prose", async () => {
    const own = { ...put, id: 'mine', group: 'custom', title: 'My PUT', explain: 'My note.' };
    expect((await experimentFromDraft({ ...draftOf(own), method: 'PATCH' }, own)).experiment).toMatchObject({ id: 'mine', title: 'My PUT', explain: 'My note.' });
  });
  it('names each problem by the field that holds it', async () => {
    const bad = { ...draftOf(put), actualHeaders: 'nonsense', expect: '{"outcome": ', then: '[]x' };
    const { experiment, problems } = (await experimentFromDraft(bad, put));
    expect(experiment).toBeUndefined();
    expect(problems.actualHeaders).toEqual(['line 1: "nonsense" is not "Name: value"']);
    expect(problems.expect?.[0]).toMatch(/^not valid JSON/);
    expect(problems.then?.[0]).toMatch(/^not valid JSON/);
  });
  it('puts schema problems next to their field', async () => {
    expect((await experimentFromDraft({ ...draftOf(put), path: 'no-slash' }, put)).problems.path?.[0]).toMatch(/^request\.path: path starts with/);
    expect((await experimentFromDraft({ ...draftOf(put), preflightStatus: '' }, put)).problems.preflightStatus?.[0]).toMatch(/^server\.preflight\.status: /);
    expect((await experimentFromDraft({ ...draftOf(put), expect: '{"outcome": "maybe"}' }, put)).problems.expect?.[0]).toMatch(/^expect\.outcome: /);
    expect(fieldOfPath('server.actual.headers["X Bad"]')).toBe('actualHeaders');
    expect(fieldOfPath('(top level)')).toBe('general');
  });
});

describe('editor draft: a header problem names its line', () => {
  it('says which line of the header text holds a bad name or value', async () => {
    const { problems } = (await experimentFromDraft({ ...draftOf(put), requestHeaders: 'X-Ok: 1\nBad Name: 2' }, put));
    expect(problems.requestHeaders).toEqual([`request.headers["Bad Name"] (line 2): invalid header name "Bad Name": a name is a token (letters, digits and !#$%&'*+-.^_\`|~)`]);
    const framing = (await experimentFromDraft({ ...draftOf(put), actualHeaders: 'Vary: Origin\nX-A: 1\nContent-Length: 3' }, put)).problems;
    expect(framing.actualHeaders?.[0]).toMatch(/^server\.actual\.headers\["Content-Length"\] \(line 3\): Content-Length is framing/);
  });
});

describe('editor draft, format 1.2 fields', () => {
  const img = catalog.find((e) => e.id === 'isolation-coep-cors-image-loads')!;

  it('carries crossorigin, page headers and a base64 body, and names a bad page header by its field and line', async () => {
    const draft = { ...draftOf(img), actualBodyBase64: 'AAEC' };
    expect(draft.crossorigin).toBe('anonymous');
    expect(draft.pageHeaders).toContain('Cross-Origin-Embedder-Policy: require-corp');
    const { experiment } = await experimentFromDraft(draft, img);
    expect(experiment?.server?.actual?.bodyBase64).toBe('AAEC');
    const bad = await experimentFromDraft({ ...draft, pageHeaders: `${draft.pageHeaders}\nSet-Cookie: a=1` }, img);
    expect(bad.problems.pageHeaders?.[0]).toMatch(/^pageHeaders\["Set-Cookie"\] \(line 3\): "Set-Cookie" cannot be a page header/);
  });
});
