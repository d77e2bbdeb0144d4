/**
 * Local Network Access as Chromium 156 enforces it (measured, see
 * shared/browser-facts.md): a page in the `public` address space reaching a
 * `loopback` one needs the user's permission, asked for before any CORS
 * check, so no response header can grant it.
 * https://wicg.github.io/local-network-access/
 */
import type { AddressSpace } from '../../plan/origins.ts';
import type { BrowserSettings, ResolvedRequest } from '../../format/schema.ts';
import type { ModelReason } from './model-reasons.ts';

/** https://wicg.github.io/local-network-access/#ip-address-space-heading: public is least private. */
const PRIVACY: Record<AddressSpace, number> = { public: 0, local: 1, loopback: 2 };

export type LocalNetworkVerdict =
  | { block: null }
  /** Refused before anything is sent. */
  | { block: 'before'; reason: ModelReason }
  /** Chromium (measured): the preflight still goes out, the actual request is refused after it. */
  | { block: 'after-preflight'; reason: ModelReason };

export function localNetworkCheck(
  from: AddressSpace,
  to: AddressSpace,
  targetAddressSpace: ResolvedRequest['targetAddressSpace'],
  preflighted: boolean,
  settings: BrowserSettings,
): LocalNetworkVerdict {
  // A public resource needs no permission, and Chromium ignores a declared address space for it (measured).
  if (to === 'public') return { block: null };
  const needsPermission = PRIVACY[to] > PRIVACY[from] && settings.localNetworkAccess !== 'granted';
  // Chromium checks a declared address space on every request to a non-public one, whatever the direction (measured).
  const mismatch = targetAddressSpace !== undefined && targetAddressSpace !== to;
  if (!mismatch) return needsPermission ? { block: 'before', reason: 'LocalNetworkAccessPermissionDenied' } : { block: null };
  // A declared address space that turns out wrong: a simple request fails at once; a
  // preflighted one first needs the permission, then sends its preflight and fails after it.
  if (!preflighted) return { block: 'before', reason: 'InvalidLocalNetworkAccess' };
  return needsPermission ? { block: 'before', reason: 'LocalNetworkAccessPermissionDenied' } : { block: 'after-preflight', reason: 'InvalidLocalNetworkAccess' };
}
