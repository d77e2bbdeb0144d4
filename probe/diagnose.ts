/**
 * Failures that are not CORS, told apart from Chromium's reason and explained
 * in words: Local Network Access, mixed content, a refused connection, a TLS
 * error, other network errors. No CORS header fixes any of them, so each
 * explanation says what does.
 */
import { CORS_ERRORS } from '../format/reasons.ts';
import type { Explanation } from '../experiments/model/explain.ts';
import type { Cause } from './probe-result.ts';

/** Chromium's Local Network Access reasons (Network.CorsError). */
const LNA_REASONS = ['LocalNetworkAccessPermissionDenied', 'InsecureLocalNetwork', 'InvalidLocalNetworkAccess'];

export function causeOf(outcome: string, reason: string | null): Cause | null {
  if (outcome !== 'blocked') return null;
  if (reason === null) return 'network';
  if (LNA_REASONS.includes(reason)) return 'local-network-access';
  if (reason === 'mixed-content') return 'mixed-content';
  if (reason === 'net::ERR_CONNECTION_REFUSED') return 'connection-refused';
  if (/^net::ERR_(SSL_|CERT_|BAD_SSL)/.test(reason)) return 'tls';
  if ((CORS_ERRORS as readonly string[]).includes(reason)) return 'cors';
  return 'network';
}

export interface DiagnoseContext {
  url: string;
  pageOrigin: string;
  pageSpace: string;
  targetSpace: string;
  reason: string | null;
  console: string | null;
  pageError: string | null;
}

function explanation(verdict: string, fix: string, context: DiagnoseContext, mdn: string | null = null): Explanation {
  return { verdict, console: context.console, fix, mdn, firefox: null };
}

/** What to do about the network errors a hostile or broken server causes (Chromium's net_error_list.h names). */
const NET_ERROR_FIXES: Record<string, string> = {
  'net::ERR_INVALID_HTTP_RESPONSE':
    'The server answered with something that is not HTTP: check what it writes (curl -v), ' +
    'and that this port serves HTTP (not TLS or another protocol).',
  'net::ERR_TOO_MANY_REDIRECTS':
    'The server redirects in a loop (Chromium follows at most 20 redirects): ' +
    'check the Location headers with curl -v -L.',
  'net::ERR_RESPONSE_HEADERS_TOO_BIG':
    "The response's headers are larger than Chromium accepts (256 KB): " +
    'send fewer or smaller headers (a cookie that grows is a usual cause).',
  'net::ERR_EMPTY_RESPONSE':
    'The server closed the connection without answering: check its logs for a crash or a refused request.',
};

/**
 * A network error that Chromium reported as Local Network Access (`chromiumSaid`) although the page had the
 * permission: the error the same request gets from the server's own origin, explained as what it is.
 */
export function explainNetError(
  cause: Exclude<Cause, 'cors' | 'local-network-access'>,
  c: DiagnoseContext,
  chromiumSaid: string | null,
): Explanation {
  const base = explainNonCors(cause, c);
  const fix = (c.reason && NET_ERROR_FIXES[c.reason]) ?? base.fix;
  const verdict =
    `${base.verdict} Chromium reported it as ${chromiumSaid ?? 'a CORS error'} although the page had ` +
    `the local network access permission; the same request from ${new URL(c.url).origin} itself ` +
    `fails with ${c.reason}.`;
  return { ...base, verdict, fix };
}

/** The explanation of a non-CORS failure. */
export function explainNonCors(cause: Exclude<Cause, 'cors'>, c: DiagnoseContext): Explanation {
  const url = new URL(c.url);
  const where = `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
  switch (cause) {
    case 'local-network-access':
      // https://wicg.github.io/local-network-access/ ; the old Private Network Access preflight headers are gone.
      return explanation(
        `Blocked by Local Network Access, before any CORS check: a page on ${c.pageOrigin} (${c.pageSpace} address space) may not reach ${url.origin} (${c.targetSpace}) unless the user allows it (${c.reason}).`,
        `No response header fixes this. Either load the page from the same address space (e.g. http://localhost during development), ` +
          `or have the user allow local network access when Chrome asks (from a secure page, fetch(url, { targetAddressSpace: '${c.targetSpace === 'local' ? 'local' : 'loopback'}' }) lets Chrome ask). ` +
          `Once allowed, the server still needs the CORS headers for ${c.pageOrigin}.`,
        c,
        'https://developer.chrome.com/blog/local-network-access',
      );
    case 'mixed-content':
      return explanation(
        `Blocked as mixed content, before any request: the https page ${c.pageOrigin} may not fetch the insecure ${url.origin}.`,
        `Serve the API over https (${url.href.replace(/^http:/, 'https:')}), or load the page over http during development. Loopback (localhost, 127.0.0.1) counts as secure and is not blocked.`,
        c,
        'https://developer.mozilla.org/en-US/docs/Web/Security/Mixed_content',
      );
    case 'connection-refused':
      return explanation(
        `Not CORS: nothing accepted the connection at ${where} (${c.reason}). The page sees the same "TypeError: Failed to fetch" as for a CORS block.`,
        `Start the server on ${where}, or fix the URL's port; check the address it binds to (localhost may resolve to ::1 or 127.0.0.1).`,
        c,
      );
    case 'tls':
      return explanation(
        `Not CORS: the TLS handshake with ${where} failed (${c.reason}).`,
        c.reason === 'net::ERR_SSL_PROTOCOL_ERROR'
          ? `The server on ${where} does not speak TLS: if it serves plain HTTP, use ${url.href.replace(/^https:/, 'http:')}; otherwise give it a certificate.`
          : `Serve a certificate the browser trusts for ${url.hostname} (valid, not expired, naming this host).`,
        c,
      );
    case 'network':
      return explanation(
        `Not CORS: the request failed in the network (${c.reason ?? c.pageError ?? 'no error reported'}).`,
        'Check that the URL is right and the server answers it (try it with curl).',
        c,
      );
  }
}
