/** Which experiments need the https origin, and the one attempt that tells whether this browser trusts it. */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import type { OriginMap } from '../../plan/origins.ts';
import { originMap, originsAtPortBase } from '../../plan/origins.ts';
import { secureOriginTrusted, usesSecureOrigin } from './secure-trust.ts';

const origins: OriginMap = originMap(originsAtPortBase(7100));

describe('usesSecureOrigin', () => {
  it('finds the secure page or target in the mixed-content group, and in no experiment written before it', () => {
    const using = catalog.filter(usesSecureOrigin);
    expect(using.length).toBeGreaterThanOrEqual(6);
    expect(new Set(using.map((e) => e.group))).toEqual(new Set(['mixed-content']));
    // The group's http-only controls run in any browser.
    const httpOnly = catalog.filter((e) => e.group === 'mixed-content' && !usesSecureOrigin(e)).map((e) => e.id);
    expect(httpOnly).toEqual(['mixed-content-lax-cookie-http-page-to-http-api', 'mixed-content-secure-cookie-set-over-http-localhost']);
  });

  it('looks at redirect hops and the pages of then steps too', () => {
    const base = catalog.find((e) => e.group === 'simple')!;
    expect(usesSecureOrigin(base)).toBe(false);
    expect(usesSecureOrigin({ ...base, server: { redirects: [{ status: 302, to: 'secure' }] } })).toBe(true);
    expect(usesSecureOrigin({ ...base, then: [{ page: 'secure' }] })).toBe(true);
  });
});

describe('secureOriginTrusted', () => {
  it('is false when the no-cors fetch fails (certificate refused), true when it resolves, asked once per origin', async () => {
    const asked: string[] = [];
    const refusing = ((url: string) => (asked.push(url), Promise.reject(new TypeError('Failed to fetch')))) as unknown as typeof fetch;
    const untrusted = { ...origins, secure: 'https://localhost:7106' };
    expect(await secureOriginTrusted(untrusted, refusing)).toBe(false);
    expect(await secureOriginTrusted(untrusted, refusing)).toBe(false);
    expect(asked).toEqual(['https://localhost:7106/__lab/origins']);
    const opaque = (() => Promise.resolve(new Response(null, { status: 200 }))) as unknown as typeof fetch;
    expect(await secureOriginTrusted({ ...origins, secure: 'https://localhost:7206' }, opaque)).toBe(true);
  });
});
