/**
 * Class mode: the names attendees' browsers reach each origin under, when one
 * lab on the teacher's machine serves a whole room. On an attendee's machine
 * `localhost`, `evil.localhost` and `127.0.0.1` are that machine itself, so
 * every origin needs a name that leads to the teacher's address, and the
 * origins the table keeps on other sites (partner, evil) need names on other
 * sites: a site is the scheme and registrable domain
 * (https://html.spec.whatwg.org/multipage/browsers.html#sites), and one
 * address spelled one way is one site only.
 *
 * The defaults for an IPv4 address A (e.g. 192.168.1.5):
 *   - app, api, api2: A itself. An IP literal needs no DNS, so the URL in the
 *     QR code opens in any room.
 *   - partner (and public, on partner's site as in the origins table):
 *     A-with-dashes.sslip.io; evil: A-with-dashes.nip.io. Two public
 *     wildcard DNS services that answer A for such a name (https://sslip.io,
 *     https://nip.io); the room's DNS must answer names of private addresses
 *     (routers with DNS-rebinding protection refuse them). sslip.io, nip.io and
 *     A are three registrable domains: three sites, whatever the Public Suffix
 *     List says about the two services.
 * `--name ORIGIN=HOST` replaces any of them (mDNS `teacher.local`, the room's
 * own DNS); the README says what the room needs and the fallback.
 */
import { isIP } from 'node:net';
import type { NetworkInterfaceInfo } from 'node:os';
import { ORIGIN_NAMES, isLoopbackAddress, isOriginName, type OriginName } from '../plan/origins.ts';

/** Origin name → the host attendees' browsers use for it (no port, no scheme; IPv6 in brackets). */
export type OriginNames = Partial<Record<OriginName, string>>;

/** A problem in one `--name` value, the flag it came from named by the caller. */
export class ClassNameError extends Error {
  override name = 'ClassNameError';
}

const WILDCARD_DNS = { partner: 'sslip.io', evil: 'nip.io' } as const;

/** DNS labels (RFC 1123 section 2.1): letters, digits, hyphens inside; 63 a label, 253 in all. */
const DNS_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** The host as a URL writes it, lower case; throws ClassNameError naming what is wrong. */
export function classHost(text: string): string {
  const host = text.trim().toLowerCase();
  if (host === '') throw new ClassNameError('the host is empty');
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare) === 6) return `[${bare}]`;
  if (isIP(bare) === 4) return bare;
  if (/[/:@?#[\]]/.test(host)) {
    throw new ClassNameError(`${JSON.stringify(text)} must be a host name or address alone, without scheme, port or path (e.g. teacher.local or 192.168.1.5)`);
  }
  if (/^[\d.]+$/.test(host)) throw new ClassNameError(`${JSON.stringify(text)} is not an IPv4 address`);
  if (!DNS_NAME.test(host)) throw new ClassNameError(`${JSON.stringify(text)} is not a host name (letters, digits, "-" and "." only)`);
  return host;
}

/** The `--name ORIGIN=HOST` values, each checked; a message names the value that is wrong. */
export function parseOriginNames(values: readonly string[]): OriginNames {
  const names: OriginNames = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    const origin = eq < 0 ? value : value.slice(0, eq);
    if (eq < 0) throw new ClassNameError(`${JSON.stringify(value)} must be ORIGIN=HOST, e.g. partner=192.168.1.5`);
    if (!isOriginName(origin)) throw new ClassNameError(`${JSON.stringify(value)}: unknown origin ${JSON.stringify(origin)}; known: ${ORIGIN_NAMES.join(', ')}`);
    if (names[origin] !== undefined) throw new ClassNameError(`${JSON.stringify(value)}: ${origin} is named twice`);
    try {
      names[origin] = classHost(value.slice(eq + 1));
    } catch (error) {
      throw new ClassNameError(`${origin}: ${(error as Error).message}`);
    }
  }
  return names;
}

/** The default names for attendees reaching the teacher at `address` (see the file comment). */
export function defaultClassNames(address: string): OriginNames {
  const host = classHost(address);
  // secure too: its certificate names only localhost, so attendees' browsers refuse it (the playground says so).
  const pages: OriginNames = { app: host, api: host, api2: host, secure: host };
  // The wildcard services spell an IPv4 address with dashes; an IPv6 room names partner and evil itself.
  if (isIP(host) !== 4) return { ...pages, partner: host, public: host, evil: host };
  const dashed = host.replace(/\./g, '-');
  const partner = `${dashed}.${WILDCARD_DNS.partner}`;
  return { ...pages, partner, public: partner, evil: `${dashed}.${WILDCARD_DNS.evil}` };
}

/**
 * The address attendees reach when the lab is bound to every interface
 * (0.0.0.0 or ::): the first IPv4 address of a network interface, not
 * loopback and not link-local (169.254.0.0/16 is not routed,
 * https://www.rfc-editor.org/rfc/rfc3927). Null when there is none.
 */
export function networkAddress(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string | null {
  for (const infos of Object.values(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family === 'IPv4' && !info.internal && !isLoopbackAddress(info.address) && !info.address.startsWith('169.254.')) return info.address;
    }
  }
  return null;
}
