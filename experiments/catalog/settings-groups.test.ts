/** The groups of format 1.1 (browser settings, middleware, the public origin): coverage and the rules they keep. */
import { describe, expect, it } from 'vitest';
import { browserOf, pageOf } from '../../format/schema.ts';
import { catalog } from './index.ts';

const group = (name: string) => catalog.filter((e) => e.group === name);
const setCookies = (name: string) => group(name).flatMap((e) => [e.server?.actual?.headers?.['Set-Cookie'] ?? []].flat());

describe('format 1.1 groups', () => {
  for (const name of ['cookies', 'hono-cors', 'express-cors', 'local-network-access']) {
    it(`"${name}" has at least 6 experiments, allowed and blocked both`, () => {
      const inGroup = group(name);
      expect(inGroup.length).toBeGreaterThanOrEqual(6);
      const outcomes = new Set(inGroup.flatMap((e) => [e.expect?.outcome, ...(e.then ?? []).map((s) => s.expect?.outcome)]));
      expect(outcomes).toContain('allowed');
      expect(outcomes).toContain('blocked');
    });
  }

  it('runs every cookie case under both third-party cookie settings, with the cookie sent in some and not in others', () => {
    const cases = new Map<string, Set<string>>();
    for (const e of group('cookies')) {
      const base = e.id.replace(/-3pc-(blocked|allowed)$/, '');
      cases.set(base, (cases.get(base) ?? new Set()).add(browserOf(e).thirdPartyCookies));
    }
    for (const [base, policies] of cases) expect([...policies].sort(), base).toEqual(['allowed', 'blocked']);
    const sent = group('cookies').map((e) => e.then?.[0]?.expect?.cookieSent);
    expect(sent).toContain(true);
    expect(sent).toContain(false);
    // At least one case whose answer depends on the setting.
    const differ = [...cases.keys()].filter((base) => {
      const [a, b] = group('cookies').filter((e) => e.id.startsWith(`${base}-3pc-`));
      return a?.then?.[0]?.expect?.cookieSent !== b?.then?.[0]?.expect?.cookieSent;
    });
    expect(differ.length).toBeGreaterThan(0);
  });

  it('keeps cookies to their own run: no Path or Domain, so they stay under the run-unique URL, and names never repeat across cases', () => {
    const lines = setCookies('cookies');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toMatch(/;\s*(path|domain)\s*=/i);
    const names = group('cookies').map((e) => `${browserOf(e).thirdPartyCookies} ${String(e.server?.actual?.headers?.['Set-Cookie']).split('=')[0]}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it('puts Local Network Access on the public page, with the permission denied and granted', () => {
    const lna = group('local-network-access');
    expect(lna.filter((e) => pageOf(e) === 'public').length).toBeGreaterThanOrEqual(6);
    expect(new Set(lna.map((e) => browserOf(e).localNetworkAccess))).toEqual(new Set(['denied', 'granted']));
    expect(lna.some((e) => e.request.targetAddressSpace !== undefined)).toBe(true);
  });

  it('answers every hono-cors and express-cors experiment through the real middleware', () => {
    for (const e of group('hono-cors')) expect(e.server?.middleware?.name, e.id).toBe('hono/cors');
    for (const e of group('express-cors')) expect(e.server?.middleware?.name, e.id).toBe('cors');
  });
});
