/**
 * Local Network Access as Chromium 156 enforces it (measured, see
 * shared/browser-facts.md): a page in the `public` address space reaching a
 * `loopback` one needs the user's permission, asked for before any CORS
 * check, so no response header can grant it.
 * https://wicg.github.io/local-network-access/
 */
import type { AddressSpace } from '../../servers/origins.ts';
import type { BrowserSettings, ResolvedRequest } from '../schema.ts';
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
  if (PRIVACY[to] <= PRIVACY[from]) return { block: null };
  const granted = settings.localNetworkAccess === 'granted';
  const mismatch = targetAddressSpace !== undefined && targetAddressSpace !== to;
  if (!mismatch) return granted ? { block: null } : { block: 'before', reason: 'LocalNetworkAccessPermissionDenied' };
  // A declared address space that turns out wrong: a simple request fails at once; a
  // preflighted one first asks for the permission, and with it granted sends the preflight.
  if (!preflighted) return { block: 'before', reason: 'InvalidLocalNetworkAccess' };
  return granted ? { block: 'after-preflight', reason: 'InvalidLocalNetworkAccess' } : { block: 'before', reason: 'LocalNetworkAccessPermissionDenied' };
}
