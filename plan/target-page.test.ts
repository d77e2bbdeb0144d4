/** The lab's own target page (frames): served to navigations only, behaviour as escaped data, never planned script. */
import { describe, expect, it } from 'vitest';
import type { ServerPlan } from '../format/schema.ts';
import { PLANNED_RESPONSE_CSP, answerPlanned } from './answer.ts';
import { DEFAULT_ORIGIN_MAP } from './origins.ts';
import { encodePlan, plannedPath } from './plan-url.ts';
import { TARGET_PAGE_CSP, expandTargetOrigin, targetPage } from './target-page.ts';

function answer(server: ServerPlan, headers: Record<string, string>) {
  const target = plannedPath('r1', 0, encodePlan({ page: 'app', server }), '/x');
  const planned = answerPlanned({ method: 'GET', target, headers }, { self: 'partner', origins: DEFAULT_ORIGIN_MAP, serverPlan: (s) => s as ServerPlan });
  if (!planned) throw new Error('not planned');
  return planned.reply;
}
const csp = (lines: ReadonlyArray<readonly [string, string]>) => lines.filter(([n]) => n === 'Content-Security-Policy').map(([, v]) => v);

describe('the target page', () => {
  it('answers a frame or a window navigation with the lab page, its own policy instead of the sandbox', () => {
    for (const dest of ['iframe', 'document']) {
      const reply = answer({}, { 'sec-fetch-dest': dest });
      expect(reply.body).toContain('cors-lab target page');
      expect(reply.body).toContain('data-accept="&#34;*&#34;"');
      expect(csp(reply.headers)).toEqual([TARGET_PAGE_CSP[1]]);
      expect(reply.headers).toContainEqual(['Content-Type', 'text/html; charset=utf-8']);
    }
  });

  it('keeps the plan\'s framing lines beside its own policy (both are enforced)', () => {
    const reply = answer({ actual: { headers: { 'Content-Security-Policy': 'frame-ancestors {page}', 'X-Frame-Options': 'DENY' } } }, { 'sec-fetch-dest': 'iframe' });
    expect(csp(reply.headers)).toEqual([`frame-ancestors ${DEFAULT_ORIGIN_MAP.app}`, TARGET_PAGE_CSP[1]]);
    expect(reply.headers).toContainEqual(['X-Frame-Options', 'DENY']);
  });

  it('is a navigation also without fetch metadata (http:// class mode): HTML first and Upgrade-Insecure-Requests', () => {
    expect(answer({}, { accept: 'text/html,application/xhtml+xml', 'upgrade-insecure-requests': '1' }).body).toContain('cors-lab target page');
    // A fetch() asking for HTML is no navigation: the lab's text, sandboxed.
    const fetched = answer({}, { accept: 'text/html' });
    expect(fetched.body).toBe('cors-lab: partner answered');
    expect(csp(fetched.headers)).toEqual([PLANNED_RESPONSE_CSP[1]]);
    expect(answer({}, { 'sec-fetch-dest': 'empty' }).body).toBe('cors-lab: partner answered');
  });

  it('fills in whom it takes messages from, tokens expanded, as escaped JSON: no markup from the plan', () => {
    const reply = answer({ actual: { page: { acceptMessagesFrom: ['{page}', '{origin:evil}'] } } }, { 'sec-fetch-dest': 'iframe' });
    const accept = JSON.stringify([DEFAULT_ORIGIN_MAP.app, DEFAULT_ORIGIN_MAP.evil]).replaceAll('"', '&#34;');
    expect(reply.body).toContain(`data-accept="${accept}"`);
    for (const hostile of ['"><script>alert(1)</script>', "' onload='x"]) {
      const page = targetPage([hostile]);
      expect(page).not.toContain(hostile);
      expect(page.match(/<script>/g)).toHaveLength(1);
    }
  });

  it('expands a targetOrigin token, and leaves "*", "/" and a written origin alone', () => {
    expect(expandTargetOrigin('{origin:api}', 'app', DEFAULT_ORIGIN_MAP)).toBe(DEFAULT_ORIGIN_MAP.api);
    expect(expandTargetOrigin('{page}', 'evil', DEFAULT_ORIGIN_MAP)).toBe(DEFAULT_ORIGIN_MAP.evil);
    for (const value of ['*', '/', 'http://example.test:8080']) expect(expandTargetOrigin(value, 'app', DEFAULT_ORIGIN_MAP)).toBe(value);
  });

  it('a planned body for a navigation stays the plan\'s, sandboxed (a page that runs no script)', () => {
    const reply = answer({ actual: { body: '<script>parent.postMessage(1, "*")</script>', headers: { 'Content-Type': 'text/html' } } }, { 'sec-fetch-dest': 'iframe' });
    expect(csp(reply.headers)).toEqual([PLANNED_RESPONSE_CSP[1]]);
  });
});
