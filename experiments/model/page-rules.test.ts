/**
 * The page rules an engine may differ in (page-rules.ts), on the two functions that read them: the page's
 * policies from its header lines, and what the page sees of an element it loaded.
 */
import { describe, expect, it } from 'vitest';
import { resolveRequest } from '../../format/format-defaults.ts';
import { elementFetch, embeddingFacts } from './element-load.ts';
import { pagePolicies } from './page-policies.ts';
import { CHROMIUM_PAGE_RULES, type PageRules } from './page-rules.ts';

const COOP = { 'Cross-Origin-Opener-Policy': 'same-origin' };
const rules = (changes: Partial<PageRules>): PageRules => ({ ...CHROMIUM_PAGE_RULES, ...changes });

describe('pagePolicies with an engine\'s page rules', () => {
  it('isolates with credentialless only where the engine knows that policy', () => {
    const headers = { ...COOP, 'Cross-Origin-Embedder-Policy': 'credentialless' };
    expect(pagePolicies(headers, false)).toMatchObject({ embedder: 'credentialless', crossOriginIsolated: true });
    const unknown = pagePolicies(headers, false, true, rules({ coepCredentialless: false }));
    expect(unknown).toMatchObject({ embedder: 'unsafe-none', crossOriginIsolated: false, sharedArrayBuffer: false });
  });

  it('gives an isolated page SharedArrayBuffer only where the engine does', () => {
    const headers = { ...COOP, 'Cross-Origin-Embedder-Policy': 'require-corp' };
    expect(pagePolicies(headers, false)).toMatchObject({ crossOriginIsolated: true, sharedArrayBuffer: true });
    const without = pagePolicies(headers, false, true, rules({ sharedArrayBufferWhenIsolated: false }));
    expect(without).toMatchObject({ embedder: 'require-corp', crossOriginIsolated: true, sharedArrayBuffer: false });
    // Never without isolation, whatever the rules.
    expect(pagePolicies(COOP, false)).toMatchObject({ crossOriginIsolated: false, sharedArrayBuffer: false });
  });
});

describe('embeddingFacts with an engine\'s page rules', () => {
  const script = resolveRequest({ api: 'script', target: 'partner' });
  const policies = pagePolicies(undefined, false);
  const facts = (tainting: 'basic' | 'cors' | 'opaque', changes: Partial<PageRules> = {}) =>
    embeddingFacts(elementFetch('script', undefined), script, 'allowed', tainting, policies, false, rules(changes));

  it('mutes an opaque script\'s errors where the engine does, and never a readable one\'s', () => {
    expect(facts('opaque').scriptErrorMuted).toBe(true);
    expect(facts('opaque', { mutesCrossOriginScriptErrors: false }).scriptErrorMuted).toBe(false);
    expect(facts('cors').scriptErrorMuted).toBe(false);
    expect(facts('basic', { mutesCrossOriginScriptErrors: false }).scriptErrorMuted).toBe(false);
  });
});
