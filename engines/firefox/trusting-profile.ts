/**
 * A Firefox profile of the run's own, in a temporary folder, that trusts the lab's `secure` origin's certificate
 * at its host and port alone (certificate-override.ts). Removed when the browser closes.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecureOriginTrust } from '../secure-origin-trust.ts';
import { CERT_OVERRIDE_FILE, certificateOverride } from './certificate-override.ts';

export async function profileTrusting(trust: SecureOriginTrust): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'cors-lab-firefox-'));
  const remove = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    await writeFile(join(dir, CERT_OVERRIDE_FILE), certificateOverride(trust), { mode: 0o600 });
  } catch (error) {
    await remove();
    throw error;
  }
  return { dir, remove };
}
