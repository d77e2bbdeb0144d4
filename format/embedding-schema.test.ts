/**
 * Format 1.2's element fields as the schema checks them: a bad `pageHeaders` line, `bodyBase64` or
 * `crossorigin` is refused with the file and the JSON path, and a good one goes through as written.
 */
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BASE64_BYTES, MAX_PAGE_HEADER_VALUE } from './limits.ts';
import { validateExperiments } from './validate.ts';
import { refusals } from '../test/schema-refusals.ts';

const base = { id: 'x', title: 'x', group: 'resources', request: { target: 'api', api: 'img' } };

const problems = (data: unknown): string[] => refusals(data, 'embed.json');

describe('format 1.2 element fields', () => {
  it('accepts an img with crossorigin, page headers and a base64 body', () => {
    const experiment = {
      ...base,
      request: { target: 'api', api: 'img', crossorigin: 'anonymous' },
      pageHeaders: { 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Opener-Policy': 'same-origin' },
      server: { actual: { bodyBase64: 'AAEC/w==' } },
      expect: { loaded: true, canvasTainted: false, crossOriginIsolated: true, sharedArrayBuffer: true },
    };
    expect(validateExperiments(experiment, 'embed.json')).toEqual([experiment]);
  });

  // A hostile file must not make the lab's own page say anything but its policies.
  for (const name of ['Set-Cookie', 'Access-Control-Allow-Origin', 'Location', 'Refresh', 'Content-Type']) {
    it(`refuses ${name} as a page header, naming the field and the allowed names`, () => {
      expect(problems({ ...base, pageHeaders: { [name]: 'x' } })).toEqual([
        `embed.json: pageHeaders${/^\w+$/.test(name) ? `.${name}` : `["${name}"]`}: "${name}" cannot be a page header: the lab's page takes only ` +
          'cross-origin-embedder-policy, cross-origin-opener-policy, content-security-policy, cross-origin-resource-policy',
      ]);
    });
  }

  it('refuses CR/LF in a page header value (no smuggled line)', () => {
    expect(problems({ ...base, pageHeaders: { 'Cross-Origin-Embedder-Policy': 'require-corp\r\nSet-Cookie: a=1' } })).toEqual([
      'embed.json: pageHeaders["Cross-Origin-Embedder-Policy"]: invalid header value "require-corp\\r\\nSet-Cookie: a=1": CR and LF are not allowed',
    ]);
  });

  it('bounds a page header value', () => {
    const long = 'a'.repeat(MAX_PAGE_HEADER_VALUE + 1);
    expect(problems({ ...base, pageHeaders: { 'Content-Security-Policy': long } })).toEqual([
      `embed.json: pageHeaders["Content-Security-Policy"]: a page header value holds at most ${MAX_PAGE_HEADER_VALUE} characters`,
    ]);
    expect(problems({ ...base, pageHeaders: { 'Content-Security-Policy': 'a'.repeat(MAX_PAGE_HEADER_VALUE) } })).toEqual([]);
  });

  it('refuses bodyBase64 that is not base64, or too long, or beside body', () => {
    expect(problems({ ...base, server: { actual: { bodyBase64: 'not base64!' } } })).toEqual([
      'embed.json: server.actual.bodyBase64: bodyBase64 is standard base64 (A-Z, a-z, 0-9, +, / and = padding)',
    ]);
    const bytes = (n: number): string => Buffer.alloc(n).toString('base64');
    expect(problems({ ...base, server: { actual: { bodyBase64: bytes(MAX_BODY_BASE64_BYTES) } } })).toEqual([]);
    expect(problems({ ...base, server: { actual: { bodyBase64: bytes(MAX_BODY_BASE64_BYTES + 1) } } })).toEqual([
      `embed.json: server.actual.bodyBase64: bodyBase64 decodes to at most ${MAX_BODY_BASE64_BYTES} bytes (the plan travels in the URL)`,
    ]);
    expect(problems({ ...base, server: { actual: { body: 'a', bodyBase64: 'YQ==' } } })).toEqual([
      'embed.json: server.actual.bodyBase64: give body or bodyBase64, not both',
    ]);
  });

  it('refuses crossorigin on a fetch, in the request and in a then step', () => {
    expect(problems({ ...base, request: { target: 'api', crossorigin: 'anonymous' } })).toEqual([
      'embed.json: request.crossorigin: crossorigin is an attribute of img, script and stylesheet elements, not of fetch',
    ]);
    expect(problems({ ...base, then: [{ request: { api: 'xhr', crossorigin: 'use-credentials' } }] })).toEqual([
      'embed.json: then[0].request.crossorigin: crossorigin is an attribute of img, script and stylesheet elements, not of xhr',
    ]);
    expect(problems({ ...base, request: { target: 'api', api: 'script', crossorigin: 'yes' } })[0]).toContain(
      'request.crossorigin: crossorigin is one of anonymous, use-credentials',
    );
  });

  it('refuses an observation that is not a boolean or null', () => {
    expect(problems({ ...base, expect: { canvasTainted: 'yes' } })[0]).toContain('expect.canvasTainted');
  });
});
