/**
 * `cors-lab serve --class`: which names the origins get for a room of
 * attendees (servers/class-names.ts), and what the teacher's terminal shows:
 * the attendees' URL, a QR code of it, and what the room's network must do.
 */
import { isIP } from 'node:net';
import type { NetworkInterfaceInfo } from 'node:os';
import QRCode from 'qrcode';
import { ClassNameError, classHost, defaultClassNames, networkAddress, type OriginNames } from '../servers/class-names.ts';
import { isLoopbackAddress, type LabOrigin } from '../plan/origins.ts';
import { CliError } from './cli-error.ts';

const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]']);

/** What the names depend on outside the flags: the machine's interfaces, and DNS for a `--host` name. */
export interface ClassEnvironment {
  interfaces(): NodeJS.Dict<NetworkInterfaceInfo[]>;
  /** The address a host name resolves to (dns.lookup). */
  lookup(name: string): Promise<string>;
}

/**
 * The names every origin is advertised under: the defaults for the address
 * attendees reach, then the `--name` flags over them. Bound to loopback,
 * attendees reach nothing, so the lab keeps its usual names (the teacher
 * alone can use it; classBanner says so).
 */
export async function classNames(bindHost: string, flagged: OriginNames, env: ClassEnvironment): Promise<OriginNames> {
  const bare = bindHost.replace(/^\[(.*)\]$/, '$1');
  if (isLoopbackAddress(bare) || bare === 'localhost') return flagged;
  if (WILDCARD_BINDS.has(bindHost)) {
    const address = networkAddress(env.interfaces());
    if (address === null) {
      if (flagged.app === undefined) throw new CliError('--class --host ' + bindHost + ': this machine has no network address to advertise; name the origins with --name app=HOST (and api, api2, partner, evil, public, secure)');
      return flagged;
    }
    return { ...defaultClassNames(address), ...flagged };
  }
  if (isIP(bare) !== 0) return { ...defaultClassNames(bare), ...flagged };
  // A host name the room resolves (teacher.local): the pages under it, and its address gives two more sites.
  let address: string;
  try {
    address = await env.lookup(bare);
  } catch (error) {
    throw new CliError(`--host ${JSON.stringify(bindHost)}: cannot resolve it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (isLoopbackAddress(address)) return flagged;
  let page: string;
  try {
    page = classHost(bare);
  } catch (error) {
    throw new CliError(`--host: ${(error as ClassNameError).message}`);
  }
  // The address is a site of its own beside the name: partner (and public, on its site) need no wildcard DNS then.
  const address4 = isIP(address) === 4 ? { partner: address, public: address } : {};
  return { ...defaultClassNames(address), app: page, api: page, api2: page, secure: page, ...address4, ...flagged };
}

/** The QR code of `url` as the terminal shows it: two modules a character, black on white whatever the theme. */
export function qrCode(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'terminal', small: true, errorCorrectionLevel: 'M' });
}

/** Printed right above the QR code when the lab is bound to loopback. */
export const LOOPBACK_QR_NOTE =
  'Only this machine can open it (bound to loopback): a phone that scans this code cannot reach the lab.';

/** The lines `serve --class` prints before the origins table. */
export async function classBanner(origins: readonly LabOrigin[], boundAddresses: readonly string[]): Promise<string> {
  const app = origins.find((o) => o.name === 'app')!;
  const url = `${app.url}/`;
  const loopback = boundAddresses.every((address) => isLoopbackAddress(address));
  // Next to the code, where a teacher looks before the room scans it: on loopback no phone can use it.
  const lines = [`Class mode. Attendees open: ${url}`, ...(loopback ? [LOOPBACK_QR_NOTE] : [])];
  lines.push('', await qrCode(url), '');
  if (loopback) {
    lines.push('Bound to loopback: only this machine reaches the lab. For a room, add --host with the address attendees reach (or --host 0.0.0.0).', '');
  } else {
    const byHost = new Map<string, string[]>();
    for (const o of origins) byHost.set(new URL(o.url).hostname, [...(byHost.get(new URL(o.url).hostname) ?? []), o.name]);
    const named = [...byHost].filter(([host]) => isIP(host.replace(/^\[(.*)\]$/, '$1')) === 0);
    if (named.length) {
      lines.push(`Attendees' browsers must resolve ${named.map(([host, names]) => `${host} (${names.join(', ')})`).join(', ')} to this machine.`);
      lines.push(`Check from one attendee's machine that each origin URL below opens; if a name does not resolve, see "Class mode" in the README.`, '');
    }
  }
  return lines.join('\n');
}
