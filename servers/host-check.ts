/**
 * DNS rebinding defence: a page on any site can point its own host name at
 * 127.0.0.1 and then talk to the lab "same-origin", reading the journal and
 * driving the origins. Its requests still carry its own name in Host, so the
 * origins answer only Host values that name the lab: each origin's host:port
 * as advertised, the loopback spellings of the lab's ports, and any host
 * names the user admitted (a class on a LAN).
 * https://developer.mozilla.org/en-US/docs/Web/Security/Attacks/DNS_rebinding
 */
import { jsonReply, type RawReply } from '../plan/answer.ts';
import type { LabOrigin } from '../plan/origins.ts';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** Host names as they appear in a Host header: IPv6 in brackets, lower case. */
function hostName(name: string): string {
  const lower = name.toLowerCase();
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}

/** Every `host:port` the lab answers to. */
export function labHosts(origins: readonly LabOrigin[], extraNames: readonly string[] = []): ReadonlySet<string> {
  const hosts = new Set<string>();
  for (const origin of origins) {
    const url = new URL(origin.url);
    hosts.add(url.host.toLowerCase());
    for (const name of [...LOOPBACK_NAMES, ...extraNames]) hosts.add(`${hostName(name)}:${url.port}`);
  }
  return hosts;
}

/** 421 JSON for a Host the lab does not answer to; null when it is one of the lab's. */
export function foreignHostReply(host: string | undefined, hosts: ReadonlySet<string>): RawReply | null {
  if (host !== undefined && hosts.has(host.toLowerCase())) return null;
  const shown = host === undefined ? 'no Host header' : `Host ${JSON.stringify(host.slice(0, 200))}`;
  return jsonReply(421, {
    error: `${shown} names none of the lab's hosts: refused so that a page using DNS rebinding cannot reach the lab (a class admits its names with cors-lab serve --class --name ORIGIN=HOST; the library with startLab's names or allowedHosts)`,
    field: 'host',
  });
}
