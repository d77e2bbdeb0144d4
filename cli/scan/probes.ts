/**
 * The Origin headers `cors-lab scan` sends, one list per misconfiguration
 * class that CORScanner and Corsy test for, derived from the origin the API
 * is meant to trust. Attacker hosts live under `attacker.example` (RFC 2606:
 * never a real site) where the class allows; the others are what an attacker
 * could really register or control.
 */

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

export interface Probe {
  /** `baseline` is the trusted origin itself: how a legitimate request is answered. */
  check: TrustCheck | 'baseline';
  origin: string;
}

const ATTACKER = 'attacker.example';
/** Hosting where anyone can publish a page (and so run script on its origin). */
export const THIRD_PARTY_ORIGINS = ['https://attacker.github.io', 'https://attacker.gitlab.io', 'https://attacker.herokuapp.com'];
/**
 * Characters lenient origin parsers stop at (from Corsy's list, the ones
 * Chromium's URL parser keeps unchanged in an origin: measured, while `|` and
 * `^` are refused and `*` is escaped): `https://app.example.com_.attacker.example`
 * is the attacker's host, but a check reading up to the `_` sees app.example.com.
 */
export const PARSER_BYPASS_CHARACTERS = ['_', '!', '$', "'", ';', '~', '`', '}'];

const isIp = (host: string): boolean => /^[\d.]+$/.test(host) || host.startsWith('[');

/** The registrable domain, approximated as the last two labels (no public suffix list: good enough to build probes). */
function domainOf(host: string): string {
  return isIp(host) ? host : host.split('.').slice(-2).join('.');
}

export function probesFor(trusted: URL): Probe[] {
  const scheme = trusted.protocol.slice(0, -1);
  const host = trusted.hostname;
  const port = trusted.port ? `:${trusted.port}` : '';
  const domain = domainOf(host);
  const named = !isIp(host) && host.includes('.');
  const probes: Probe[] = [
    { check: 'baseline', origin: trusted.origin },
    { check: 'origin-reflected', origin: `https://${ATTACKER}` },
    { check: 'null-trusted', origin: 'null' },
    // The server checks startsWith(trusted): the attacker's host begins with the trusted one.
    { check: 'prefix-match', origin: `${scheme}://${host}.${ATTACKER}${port}` },
    // The server checks endsWith(domain) without the dot: the attacker registers a domain ending the same way.
    { check: 'suffix-match', origin: `${scheme}://attacker${domain}${port}` },
    // The server checks that the trusted origin (or a list in one string) contains the Origin.
    { check: 'substring-match', origin: `${scheme}://${host.slice(0, -1)}${port}` },
  ];
  // A regular expression with an unescaped dot: app.example.com also matches appxexample.com.
  if (named && domain !== host) probes.push({ check: 'unescaped-dot', origin: `${scheme}://${host.replace('.', 'x')}${port}` });
  if (named) probes.push({ check: 'any-subdomain', origin: `${scheme}://attacker.${domain}${port}` });
  if (scheme === 'https') probes.push({ check: 'http-trusted', origin: `http://${host}${port}` });
  for (const origin of THIRD_PARTY_ORIGINS) probes.push({ check: 'third-party-trusted', origin });
  for (const char of PARSER_BYPASS_CHARACTERS) probes.push({ check: 'parser-bypass', origin: `${scheme}://${host}${char}.${ATTACKER}${port}` });
  return probes;
}
