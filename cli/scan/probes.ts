/**
 * The Origin headers `cors-lab scan` sends, one list per misconfiguration
 * class that CORScanner, Corsy and PortSwigger's labs test for, derived from
 * the origin the API is meant to trust. Attacker hosts live under
 * `attacker.example` (RFC 2606: never a real site) where the class allows;
 * the others are what an attacker could really register or control. The
 * registrable domain comes from the Public Suffix List (tldts), so
 * `app.example.co.uk` gives `example.co.uk`, not `co.uk`.
 */
import { parse as parseHost } from 'tldts';
import { thirdPartyOrigins } from './third-party-hosting.ts';

/** Classes found by sending a hostile Origin and seeing it trusted. */
export const TRUST_CHECKS = [
  'origin-reflected',
  'null-trusted',
  'prefix-match',
  'suffix-match',
  'substring-match',
  'unescaped-dot',
  'any-subdomain',
  'http-trusted',
  'third-party-trusted',
  'parser-bypass',
] as const;
export type TrustCheck = (typeof TRUST_CHECKS)[number];

/**
 * The trust checks whose probes do not depend on which origin the API trusts (without --origin, the others are said to
 * test an assumed one).
 */
export const ORIGIN_INDEPENDENT: readonly TrustCheck[] = ['origin-reflected', 'null-trusted', 'third-party-trusted'];

export interface Probe {
  /** `baseline` is the trusted origin itself: how a legitimate request is answered. */
  check: TrustCheck | 'baseline';
  origin: string;
}

const ATTACKER = 'attacker.example';
/**
 * Characters lenient origin parsers stop at (from Corsy's list, the ones
 * Chromium's URL parser keeps unchanged in an origin: measured, while `|` and
 * `^` are refused and `*` is escaped): `https://app.example.com_.attacker.example`
 * is the attacker's host, but a check reading up to the `_` sees app.example.com.
 */
export const PARSER_BYPASS_CHARACTERS = ['_', '!', '$', "'", ';', '~', '`', '}'];

/**
 * What the probes are built from: the host's registrable domain by the Public Suffix List (null for an IP or a bare
 * name).
 */
export function registrableDomain(host: string): string | null {
  const parsed = parseHost(host);
  return parsed.isIp || !parsed.domain ? null : parsed.domain;
}

/**
 * A regular expression written from the host with its dots unescaped trusts the host with any one dot
 * replaced: `api.app.example.com` gives `apixapp.example.com` and `api.appxexample.com`. The second an
 * attacker registers; the first needs a subdomain of the API's own domain.
 */
export function unescapedDotHosts(host: string): string[] {
  const labels = host.split('.');
  const suffix = parseHost(host).publicSuffix;
  const variants = labels
    .slice(0, -1)
    .map((_, i) => [...labels.slice(0, i), `${labels[i]}x${labels[i + 1]}`, ...labels.slice(i + 2)].join('.'));
  // Only hosts that can exist: under a listed public suffix (`app.examplexco.uk`), not `app.example.coxuk`.
  return variants.filter((variant) => {
    const parsed = parseHost(variant);
    return parsed.isIcann === true || parsed.publicSuffix === suffix;
  });
}

export function probesFor(trusted: URL, addedThirdParty: readonly string[] = []): Probe[] {
  const scheme = trusted.protocol.slice(0, -1);
  const host = trusted.hostname;
  const port = trusted.port ? `:${trusted.port}` : '';
  const domain = registrableDomain(host);
  const probes: Probe[] = [
    { check: 'baseline', origin: trusted.origin },
    { check: 'origin-reflected', origin: `https://${ATTACKER}` },
    { check: 'null-trusted', origin: 'null' },
    // The server checks startsWith(trusted): the attacker's host begins with the trusted one.
    { check: 'prefix-match', origin: `${scheme}://${host}.${ATTACKER}${port}` },
    // The server checks endsWith(domain) without the dot: the attacker registers a domain ending the same way.
    { check: 'suffix-match', origin: `${scheme}://attacker${domain ?? host}${port}` },
    // The server checks that the trusted origin (or a list in one string) contains the Origin.
    { check: 'substring-match', origin: `${scheme}://${host.slice(0, -1)}${port}` },
  ];
  if (domain !== null) {
    for (const lookalike of unescapedDotHosts(host))
      probes.push({ check: 'unescaped-dot', origin: `${scheme}://${lookalike}${port}` });
    probes.push({ check: 'any-subdomain', origin: `${scheme}://attacker.${domain}${port}` });
  }
  if (scheme === 'https') probes.push({ check: 'http-trusted', origin: `http://${host}${port}` });
  for (const origin of thirdPartyOrigins(addedThirdParty)) probes.push({ check: 'third-party-trusted', origin });
  for (const char of PARSER_BYPASS_CHARACTERS)
    probes.push({ check: 'parser-bypass', origin: `${scheme}://${host}${char}.${ATTACKER}${port}` });
  // Only what a browser could send: a serialized origin. `http://attacker127.0.0.1` is no host (a name ending in a
  // number is parsed as IPv4, and fails), and `http://127.0.0.:8080` would be sent as `http://127.0.0.0:8080`.
  return probes.filter((probe) => probe.origin === 'null' || isSerializedOrigin(probe.origin));
}

/** https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin */
function isSerializedOrigin(text: string): boolean {
  return URL.canParse(text) && new URL(text).origin === text;
}
