/**
 * Format 1.2: the words of a request the page's own Content-Security-Policy refused (page-csp.ts): the verdict, the
 * fix (the page's policy, never a header of the server) and the console line the lab reads from Chromium 156, as
 * measured: fetch() prints the line of its rejected promise, a frame its "Framing" line (a URL of another origin
 * shortened to its origin, as CSP reports do); XHR, elements, forms and beacons print nothing the lab reads.
 * https://w3c.github.io/webappsec-csp/#should-block-request
 */
import type { Explanation, ExplainContext } from './explain.ts';
import type { CspRefusal } from './page-csp.ts';
import { modelMessages } from './messages/index.ts';
import { firefoxCspLine } from './csp-firefox.ts';
import type { Language } from '../../format/i18n/languages.ts';

const MDN_CSP = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy';

/** Chromium's note when a fallback directive decided (its content_security_policy.cc wording). */
function fallbackNote(refusal: CspRefusal): string {
  if (refusal.directive === refusal.effective) return '';
  return ` Note that '${refusal.effective}' was not explicitly set, so '${refusal.directive}' is used as a fallback.`;
}

function consoleLine(refusal: CspRefusal, url: URL, c: ExplainContext): string | null {
  if (c.api === 'fetch') {
    return `Fetch API cannot load ${url.href}. ` +
      "Refused to connect because it violates the document's Content Security Policy.";
  }
  if (c.api === 'iframe' || c.api === 'postMessage') {
    const shown = url.origin === c.pageOrigin ? url.href : `${url.origin}/`;
    return `Framing '${shown}' violates the following Content Security Policy directive: "${refusal.written}".` +
      `${fallbackNote(refusal)} The request has been blocked.\n`;
  }
  return null;
}

/** `refusal.url`: the URL refused (the request's, or a redirect's Location). */
export function explainCsp(refusal: CspRefusal & { url: string }, c: ExplainContext, lang: Language): Explanation {
  const say = modelMessages(lang).explain;
  const url = new URL(refusal.url);
  const fallback = refusal.directive === refusal.effective ? null : refusal.effective;
  return {
    verdict: say.cspRefused(refusal.written, fallback),
    console: consoleLine(refusal, url, c),
    fix: say.cspFix(refusal.effective, url.origin),
    mdn: `${MDN_CSP}/${refusal.effective}`,
    firefox: firefoxCspLine(refusal),
  };
}
