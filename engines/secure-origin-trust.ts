/**
 * What a driver other than Chromium needs to trust the lab's `secure` origin and nothing else: the origin's URL
 * (its host and port) and the certificate it serves (public; its key never leaves servers/). Chromium trusts the
 * certificate's public-key hash (runner/launch.ts); Firefox gets a certificate override for that host, port and
 * certificate fingerprint (firefox/certificate-override.ts); WebKit allows that certificate for that host
 * (webkit/automation-host.py `--trust-certificate`). None of them accepts any other certificate or host.
 */
import type { LabOrigin } from '../plan/origins.ts';

export interface SecureOriginTrust {
  /** The `secure` origin's URL, e.g. https://localhost:5316. */
  url: string;
  /** The certificate it serves, PEM. */
  certificatePem: string;
}

/** The trust for a lab's `secure` origin; undefined when the lab has none (its origins list no `secure`). */
export function secureOriginTrust(
  origins: readonly LabOrigin[],
  certificatePem: string | undefined,
): SecureOriginTrust | undefined {
  const secure = origins.find((origin) => origin.name === 'secure');
  return secure && certificatePem ? { url: secure.url, certificatePem } : undefined;
}
