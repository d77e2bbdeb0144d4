/**
 * Local Network Access: which address space a host is in, as Chromium ranks
 * them (loopback is more private than local, local more than public). A page
 * may not reach a more private space without the user's permission.
 * https://wicg.github.io/local-network-access/#ip-address-space
 * https://wicg.github.io/local-network-access/#address-space-comparison
 */
export type AddressSpace = 'loopback' | 'local' | 'public';

const RANK: Record<AddressSpace, number> = { loopback: 0, local: 1, public: 2 };

function ipv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return null;
  return parts.map(Number);
}

/** `host` as URL.hostname gives it (IPv6 in brackets). */
export function addressSpaceOf(host: string): AddressSpace {
  const name = host.toLowerCase().replace(/\.$/, '');
  // "localhost" and its subdomains always resolve to loopback in Chromium.
  if (name === 'localhost' || name.endsWith('.localhost') || name === '[::1]') return 'loopback';
  const v4 = ipv4(name);
  if (v4) {
    const [a = 0, b = 0] = v4;
    if (a === 127) return 'loopback';
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)) return 'local';
    return 'public';
  }
  if (name.startsWith('[')) {
    // fc00::/7 (unique local) and fe80::/10 (link-local).
    if (/^\[f[cd]/.test(name) || /^\[fe[89ab]/.test(name)) return 'local';
    return 'public';
  }
  // Multicast DNS names live on the local network.
  if (name.endsWith('.local')) return 'local';
  return 'public';
}

/** Whether a page in `page` needs permission to reach `target`. */
export function needsPermission(page: AddressSpace, target: AddressSpace): boolean {
  return RANK[target] < RANK[page];
}
