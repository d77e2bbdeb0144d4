/**
 * `expect` matchers for probe and run results. A failing matcher's message
 * says what was expected, then Chromium's reason, its console line and the
 * fix, so a red test explains itself.
 *
 * They judge CORS: a request Local Network Access (or mixed content, TLS, the
 * network) stopped before CORS could judge it proves nothing about the API's
 * CORS headers, so `not.toBeAllowed()` must not pass because of it. Where the
 * probe knows CORS's verdict behind the other layer (`withPermission`), that
 * is what they judge; where no verdict of CORS exists, they fail either way
 * and say which layer stopped the request. Only `toBeBlockedBy` with another
 * layer's reason judges that layer.
 * https://playwright.dev/docs/test-assertions#add-custom-matchers-using-expectextend
 */
import type { ExpectMatcherState, MatcherReturnType } from '@playwright/test';
import { printableText } from '../format/terminal-text.ts';
import type { Reason } from '../format/reasons.ts';
import { isFirefoxReason, type FirefoxReason } from '../format/firefox-reasons.ts';
import { isWebKitReason, type WebKitReason } from '../format/webkit-sentences.ts';
import { decidedInEngine } from '../probe/engine-probe-result.ts';
import { causeOf } from '../probe/diagnose.ts';
import { exposeFix } from '../probe/exposed-headers.ts';
import { methodChangeOf } from '../probe/redirect-chain.ts';
import { decidedByOf, type ProbeResult } from '../probe/probe-result.ts';
import { corsFacts, corsStory, isCorsResult, LAYER_WORDS, type CorsFacts } from './cors-facts.ts';

/** What a check read (`judged`: null when no verdict of the layer it asks about exists) and found. */
interface Judgement {
  judged: CorsFacts | null;
  pass: boolean;
  expected: string;
  received: string;
  /** Told after the received line when the check fails (e.g. the fix of what this matcher asks for). */
  hint?: string;
}
type Check = (facts: CorsFacts) => Judgement;

/** The outcome and the layer that decided it, in words. */
function verdictWords(f: CorsFacts): string {
  if (f.outcome === 'blocked') return `blocked by ${LAYER_WORDS[f.decidedBy]}${f.reason ? ` (${f.reason})` : ''}`;
  return `${f.outcome} by CORS`;
}

/** Why the facts judged are not the request's own outcome, or why nothing could be judged. */
function layerNote(f: CorsFacts, judged: CorsFacts | null): string {
  if (f.decidedBy === 'cors') return '';
  const layer = LAYER_WORDS[f.decidedBy];
  const stopped = `${layer} blocked this request before CORS could judge it (${f.reason ?? 'no reason'})`;
  if (judged === null) {
    return `CORS never judged it: ${stopped}, so this says nothing about the API's CORS headers.\n\n`;
  }
  if (judged === f) return '';
  // What remains: another layer blocked, and the facts judged are CORS's verdict behind it.
  return (
    `Note:     ${stopped}. Judged here: CORS's verdict on the same request once the user allows local network ` +
    `access (an attacker's page may get that permission). To assert the block itself: ` +
    `toBeBlockedBy(${JSON.stringify(f.reason)}).\n\n`
  );
}

function matcher(name: string, check: Check, argument = '') {
  return function (this: ExpectMatcherState, received: unknown): MatcherReturnType {
    const hint = this.utils.matcherHint(name, 'result', argument, { isNot: this.isNot });
    if (!isCorsResult(received)) {
      return { pass: this.isNot, name, message: () => `${hint}\n\nExpected a result of cors.probe() or cors.run(), received: ${this.utils.printReceived(received)}` };
    }
    const facts = corsFacts(received);
    const { judged, pass, expected, received: got, hint: told } = check(facts);
    return {
      // Nothing judged: the assertion fails with and without .not.
      pass: judged === null ? this.isNot : pass,
      name,
      expected,
      actual: got,
      // The story quotes what the server sent: printed escaped, as every report of the CLI.
      message: () =>
        `${hint}\n\nExpected: ${this.isNot ? 'not ' : ''}${expected}\n` +
        `Received: ${printableText(got)}\n\n${told ? `${printableText(told)}\n\n` : ''}` +
        printableText(layerNote(facts, judged) + corsStory(judged ?? facts)),
    };
  };
}

/** A check of CORS's verdict: `test` reads the facts CORS judged. */
function corsCheck(expected: string, test: (cors: CorsFacts) => { pass: boolean; received: string }): Check {
  return (f) => {
    if (f.cors === null) return { judged: null, pass: false, expected, received: verdictWords(f) };
    return { judged: f.cors, expected, ...test(f.cors) };
  };
}

/** The probe result whose CORS verdict the matchers judge (CORS's own, or the one behind another layer). */
function probeJudged(received: unknown): ProbeResult | null {
  if (!isCorsResult(received) || !('request' in received)) return null;
  const result = received as ProbeResult;
  return result.decidedBy === 'cors' ? result : (result.withPermission ?? null);
}

/** The fix for a header JavaScript cannot read: expose it (and, when the server never sent it, send it). */
function exposeHint(result: ProbeResult, name: string): string {
  const sent = result.response?.headers ?? [];
  const wrote = sent.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[0];
  const fix = exposeFix(sent, [wrote ?? name], result.request.credentials === 'include');
  const never = wrote ? '' : `The server did not send ${name} at all: send it, and expose it.\n`;
  return `${never}Fix:      ${fix}`;
}

export const corsMatchers = {
  /**
   * A request a redirect turned into another method (a POST that a 301 made a GET) was not allowed as itself: what
   * ran at the final URL was the other method, so the assertion fails and says so.
   */
  toBeAllowed(this: ExpectMatcherState, received: unknown) {
    const probed = probeJudged(received);
    const change = methodChangeOf(probed?.hops ?? []);
    const check = corsCheck('allowed by CORS', (c) => {
      if (c.outcome !== 'allowed' || !change || !probed) {
        return { pass: c.outcome === 'allowed', received: verdictWords(c) };
      }
      const how = `as ${change.to}, not as ${probed.request.method}: a ${change.status} redirect changed the method`;
      return { pass: false, received: `${verdictWords(c)} ${how}` };
    });
    return matcher('toBeAllowed', check).call(this, received);
  },
  /** A CORS reason judges CORS; another layer's reason (e.g. LocalNetworkAccessPermissionDenied) judges that layer. */
  toBeBlockedBy(this: ExpectMatcherState, received: unknown, reason: Reason | FirefoxReason | WebKitReason) {
    const layer = isFirefoxReason(reason) || isWebKitReason(reason)
      ? decidedInEngine('blocked', reason)
      : decidedByOf(causeOf('blocked', reason));
    const expected = `blocked by ${LAYER_WORDS[layer]} (${reason})`;
    const blocked = (f: CorsFacts): boolean => f.outcome === 'blocked' && f.reason === reason;
    const check: Check =
      layer === 'cors'
        ? corsCheck(expected, (c) => ({ pass: blocked(c), received: verdictWords(c) }))
        : (f) => ({ judged: f, pass: blocked(f) && f.decidedBy === layer, expected, received: verdictWords(f) });
    return matcher('toBeBlockedBy', check, this.utils.printExpected(reason)).call(this, received);
  },
  /** Firefox and WebKit do not show a driver the preflight: the assertion fails either way and says so. */
  toHavePreflight(this: ExpectMatcherState, received: unknown) {
    const expected = 'a preflight (OPTIONS) answered by the server';
    const judge = corsCheck(expected, (c) => ({
      pass: c.preflight === true,
      received: c.preflight ? 'a preflight' : 'no preflight',
    }));
    const check: Check = (f) =>
      f.cors?.preflight === null
        ? { judged: null, pass: false, expected, received: `${f.engine} cannot tell (probe with browser 'chromium')` }
        : judge(f);
    return matcher('toHavePreflight', check).call(this, received);
  },
  /** A failure names what was readable and what was sent but hidden, with the Access-Control-Expose-Headers fix. */
  toExposeHeader(this: ExpectMatcherState, received: unknown, name: string) {
    const probed = probeJudged(received);
    const lower = name.toLowerCase();
    const hidden = probed?.exposure?.hidden ?? [];
    const check = corsCheck(`JavaScript can read the response header ${lower}`, (c) => ({
      pass: c.readableHeaders.includes(lower),
      received:
        c.outcome === 'allowed'
          ? `readable: ${c.readableHeaders.join(', ') || 'none'}` +
            (hidden.length ? `; sent but hidden: ${hidden.join(', ')}` : '')
          : `${verdictWords(c)}: no header is readable`,
      ...(probed?.response && c.outcome === 'allowed' ? { hint: exposeHint(probed, name) } : {}),
    }));
    return matcher('toExposeHeader', check, this.utils.printExpected(name)).call(this, received);
  },
  toPass(this: ExpectMatcherState, received: unknown) {
    const check: Check = (f) =>
      f.run
        ? {
            judged: f,
            pass: f.run.pass,
            expected: 'the experiment passes (expectations met, model agrees)',
            received: f.run.pass ? 'passed' : `failed:\n  ${f.run.mismatches.join('\n  ')}`,
          }
        : { judged: f, pass: false, expected: 'a result of cors.run()', received: 'a probe result (use toBeAllowed or toBeBlockedBy)' };
    return matcher('toPass', check).call(this, received);
  },
};
