/**
 * The one table of the lab's named origins. Servers, client, CLI and tests all
 * read it; nothing else spells a host or a port.
 *
 * Sites follow how Chromium groups hosts: `localhost:A` and `localhost:B` are
 * same-site but cross-origin; `127.0.0.1` and `evil.localhost` are other sites
 * (`localhost` acts as a top-level domain, so `evil.localhost` is its own site).
 */
export const ORIGIN_NAMES = ['app', 'api', 'api2', 'partner', 'evil', 'public'] as const;
export type OriginName = (typeof ORIGIN_NAMES)[number];

export type OriginRole = 'page' | 'api' | 'partner' | 'attacker' | 'public';

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
}

export function isOriginName(value: string): value is OriginName {
  return (ORIGIN_NAMES as readonly string[]).includes(value);
}

export function originUrl(spec: OriginSpec, port: number): string {
  return `http://${spec.host}:${port}`;
}

/** The origins as they would be on a fixed port block. */
export function originsAtPortBase(portBase: number): LabOrigin[] {
  return ORIGINS.map((spec) => ({ name: spec.name, url: originUrl(spec, portBase + spec.offset), site: spec.site, role: spec.role }));
}

export function unknownOriginMessage(value: string): string {
  return `unknown origin ${JSON.stringify(value)}; known: ${ORIGIN_NAMES.join(', ')}`;
}

/** Origin names → URL origin, for the running lab. */
export type OriginMap = Readonly<Record<OriginName, string>>;

export function originMap(origins: readonly LabOrigin[]): OriginMap {
  return Object.fromEntries(origins.map((o) => [o.name, o.url])) as Record<OriginName, string>;
}
