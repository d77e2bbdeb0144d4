/**
 * The one table of the lab's named origins. Servers, client, CLI and tests all
 * read it; nothing else spells a host or a port.
 *
 * Sites follow how Chromium groups hosts: `localhost:A` and `localhost:B` are
 * same-site but cross-origin; `127.0.0.1` and `evil.localhost` are other sites
 * (`localhost` acts as a top-level domain, so `evil.localhost` is its own site).
 */
import { ORIGIN_NAMES, type OriginName } from '../format/origin-names.ts';

// The names are the format's (an experiment names its origins); this table is where every caller reads them.
export { ORIGIN_NAMES, isOriginName, type OriginName } from '../format/origin-names.ts';

export type OriginRole = 'page' | 'api' | 'partner' | 'attacker' | 'public' | 'secure';

/**
 * Local Network Access address spaces. Every lab origin is on loopback, except
 * `public`, which the headless runner declares public to Chromium
 * (`--ip-address-space-overrides`), as a page on the internet would be.
 * https://wicg.github.io/local-network-access/#ip-address-space-heading
 */
export type AddressSpace = 'public' | 'local' | 'loopback';

export interface OriginSpec {
  readonly name: OriginName;
  readonly host: string;
  /** Port = port base + offset, when the lab runs on a fixed block. */
  readonly offset: number;
  readonly site: string;
  readonly role: OriginRole;
  readonly about: string;
  /** The address space Chromium assigns it in the headless runner. */
  readonly addressSpace: AddressSpace;
  /** `https` for the one TLS origin (servers/secure-server.ts); `http` when absent. */
  readonly scheme?: 'https';
}

export const ORIGINS: readonly OriginSpec[] = [
  { name: 'app', host: 'localhost', offset: 0, site: 'http://localhost', role: 'page', addressSpace: 'loopback', about: 'the page: the playground runs here' },
  { name: 'api', host: 'localhost', offset: 1, site: 'http://localhost', role: 'api', addressSpace: 'loopback', about: 'an API on the same site as app, another port: cross-origin' },
  { name: 'api2', host: 'localhost', offset: 2, site: 'http://localhost', role: 'api', addressSpace: 'loopback', about: 'a second API on the same site, for redirects between origins' },
  { name: 'partner', host: '127.0.0.1', offset: 3, site: 'http://127.0.0.1', role: 'partner', addressSpace: 'loopback', about: 'a partner on another site' },
  { name: 'evil', host: 'evil.localhost', offset: 4, site: 'http://evil.localhost', role: 'attacker', addressSpace: 'loopback', about: 'the attacker, on another site' },
  // 127.0.0.1 because Chromium's address-space override names an IP and port.
  {
    name: 'public',
    host: '127.0.0.1',
    offset: 5,
    site: 'http://127.0.0.1',
    role: 'public',
    addressSpace: 'public',
    about: 'a page "on the public internet" for Local Network Access (public only in the headless runner)',
  },
  // https with the lab's own CA (servers/certificate-store.ts), HTTP/2 and HTTP/1.1 by ALPN. Schemeful same-site:
  // https://localhost and http://localhost are different sites (https://html.spec.whatwg.org/#same-site).
  {
    name: 'secure',
    host: 'localhost',
    offset: 6,
    site: 'https://localhost',
    role: 'secure',
    addressSpace: 'loopback',
    scheme: 'https',
    about: 'https on loopback with the lab\'s own certificate authority, HTTP/2 (trust it in your browser: cors-lab ca --path)',
  },
];

export function originSpec(name: OriginName): OriginSpec {
  return ORIGINS.find((o) => o.name === name) as OriginSpec;
}

/** A block clear of the common dev ports (3000, 5173, 8080). */
export const DEFAULT_PORT_BASE = 5310;
export const PORT_BASE_ENV = 'CORS_LAB_PORT_BASE';
export const PORT_BASE_FLAG = '--port-base';
/** The port block: below 1024 needs root; the last origin must stay at or below 65535. */
export const MIN_PORT_BASE = 1024;
export const MAX_PORT_BASE = 65535 - (ORIGIN_NAMES.length - 1);

/** The loopback address the origins bind to unless the user asks otherwise. */
export const DEFAULT_BIND_HOST = '127.0.0.1';

/** An origin once it has a port: what `cors-lab origins --json` prints. */
export interface LabOrigin {
  name: OriginName;
  url: string;
  site: string;
  role: OriginRole;
  /**
   * The `secure` origin of a running lab only: base64 SHA-256 of its certificate's public key
   * (SubjectPublicKeyInfo), which headless Chromium is told to accept and nothing wider
   * (runner/launch.ts). Public: every TLS handshake shows that key.
   */
  publicKeyHash?: string;
}

/** Where the servers are bound: the address they really listen on, and the `--host` the user typed. */
export interface BindAddress {
  /** From `server.address()`: `127.0.0.1`, `::1`, `0.0.0.0`, `::`, `192.168.1.5`... */
  readonly address: string;
  /** As given (`localhost`, `[::1]`, a DNS name); the address itself when not given. */
  readonly given: string;
}

export const DEFAULT_BIND: BindAddress = { address: DEFAULT_BIND_HOST, given: DEFAULT_BIND_HOST };

const WILDCARDS = new Set(['0.0.0.0', '::']);

/** 127.0.0.0/8, ::1 and IPv4-mapped 127.0.0.0/8 (https://www.rfc-editor.org/rfc/rfc6890#section-2.2.2). */
export function isLoopbackAddress(address: string): boolean {
  const bare = address.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return bare === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

const isIpLiteral = (host: string): boolean => /^[\d.]+$/.test(host) || host.includes(':');
const urlHost = (address: string): string => (address.includes(':') ? `[${address}]` : address);
/** `localhost` and names below it, which browsers resolve to 127.0.0.1 and ::1 themselves (RFC 6761 section 6.3, measured in Chromium). */
const isLocalhostName = (host: string): boolean => host === 'localhost' || host.endsWith('.localhost');

/**
 * The host a browser reaches one origin under, given where the servers are
 * bound. The table's host when it reaches that address (measured in Chromium:
 * bound to ::1, `localhost` and `evil.localhost` answer and `127.0.0.1` is
 * refused; bound to 127.0.0.2, only `127.0.0.2` answers), else the bound
 * address itself (or the name the user gave for it). Never an address where
 * nothing listens.
 */
function reachableHost(spec: OriginSpec, bind: BindAddress): string {
  const bound = bind.address;
  if (WILDCARDS.has(bound)) return spec.host;
  if (isLocalhostName(spec.host) && (bound === '127.0.0.1' || bound === '::1')) return spec.host;
  if (spec.host === bound) return spec.host;
  const given = bind.given.replace(/^\[(.*)\]$/, '$1');
  return isLocalhostName(spec.host) && !isIpLiteral(given) && !isLocalhostName(given) ? given : urlHost(bound);
}

/**
 * The registrable domain of a host name, or the address itself
 * (https://html.spec.whatwg.org/multipage/browsers.html#obtain-a-site): here
 * the last two labels, as for a name under no known public suffix
 * (`evil.localhost`, `teacher.lan`). A name on the Public Suffix List (a
 * `*.sslip.io` one, if it is listed) is a site of its own in the browser:
 * that only splits sites further, so a site clash reported here is real.
 */
export function siteHost(host: string): string {
  if (isIpLiteral(host)) return host;
  return host.split('.').slice(-2).join('.');
}

/**
 * The one place an origin's advertised URL and site come from: what the CLI
 * prints, what the playground links to, and the hosts a Host-header check
 * should admit (`new URL(origin.url).host` of each).
 * `name` is the host attendees use in class mode (class-names.ts); without
 * it the host is the table's, or what reaches the bound address.
 */
export function advertisedOrigin(spec: OriginSpec, bind: BindAddress, port: number, name?: string): LabOrigin {
  const host = name ?? reachableHost(spec, bind);
  const scheme = spec.scheme ?? 'http';
  return { name: spec.name, url: `${scheme}://${host}:${port}`, site: `${scheme}://${siteHost(host)}`, role: spec.role };
}

/** The origins as they would be on a fixed port block, bound to loopback. */
export function originsAtPortBase(portBase: number): LabOrigin[] {
  return ORIGINS.map((spec) => advertisedOrigin(spec, DEFAULT_BIND, portBase + spec.offset));
}

/**
 * Origins the table keeps on different sites that share one here (bound to an
 * address browsers reach under one name only, such as 127.0.0.2): one line per
 * shared site, empty when the lab's sites are what the table says.
 */
export function siteClashes(origins: readonly LabOrigin[]): string[] {
  const bySite = new Map<string, LabOrigin[]>();
  for (const origin of origins) bySite.set(origin.site, [...(bySite.get(origin.site) ?? []), origin]);
  const clashes: string[] = [];
  for (const [site, sharing] of bySite) {
    const tableSites = new Set(sharing.map((o) => ORIGINS.find((spec) => spec.name === o.name)?.site));
    if (tableSites.size < 2) continue;
    const names = sharing.map((o) => o.name);
    clashes.push(`${names.slice(0, -1).join(', ')} and ${names.at(-1)} are all on ${site}`);
  }
  return clashes;
}

/** Takes any decoded JSON: a hostile plan's value may be an object whose toString throws. */
export function unknownOriginMessage(value: unknown): string {
  const shown = typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  return `unknown origin ${shown}; known: ${ORIGIN_NAMES.join(', ')}`;
}

/** Origin names → URL origin, for the running lab. */
export type OriginMap = Readonly<Record<OriginName, string>>;

export function originMap(origins: readonly LabOrigin[]): OriginMap {
  return Object.fromEntries(origins.map((o) => [o.name, o.url])) as Record<OriginName, string>;
}

/** The origins of `npm start`'s default block: what a page shows before it has asked the lab for its own. */
export const DEFAULT_ORIGIN_MAP: OriginMap = originMap(originsAtPortBase(DEFAULT_PORT_BASE));
