/**
 * Who a journal entry is charged to: the client machine, by the address its
 * connection comes from. A run id is whatever the request names, so a client
 * could make up run ids without end; its address it cannot choose (a TCP
 * peer must receive the lab's replies). IPv4-mapped IPv6 is the IPv4 address;
 * other IPv6 addresses count by their /64, the block one machine can draw
 * addresses from at will (RFC 8981 temporary addresses).
 * https://www.rfc-editor.org/rfc/rfc8981
 */
import { isIP } from 'node:net';

/** What an entry is charged to when no address is known (`app.request` in tests). */
export const UNKNOWN_CLIENT = 'unknown';

export function journalClient(address: string | undefined): string {
  if (!address) return UNKNOWN_CLIENT;
  const bare = address.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(bare);
  if (mapped) return mapped[1]!;
  if (isIP(bare) !== 6) return bare;
  const [head = '', tail] = bare.split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const zeros = Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0');
  const groups = tail === undefined ? front : [...front, ...zeros, ...back];
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
