/**
 * Firefox trusts the lab's `secure` origin through a certificate override in the run's own profile
 * (`cert_override.txt`, what "Accept the Risk and Continue" writes): for exactly one host and port, and exactly
 * the certificate with this SHA-256 fingerprint. Never `acceptInsecureCerts`, which would take any certificate of
 * any host. The line, as Firefox's nsCertOverrideService reads it
 * (https://searchfox.org/mozilla-central/source/security/manager/ssl/nsCertOverrideService.cpp, Read):
 *   host:port:originAttributes TAB OID.2.16.840.1.101.3.4.2.1 TAB fingerprint TAB (ignored bits) TAB dbKey
 * The fingerprint decides (HasMatchingOverride); the dbKey names the certificate (issuer and serial number).
 */
import { X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import type { SecureOriginTrust } from '../secure-origin-trust.ts';

export const CERT_OVERRIDE_FILE = 'cert_override.txt';
/** The only fingerprint algorithm Firefox reads there: SHA-256. */
const SHA256_OID = 'OID.2.16.840.1.101.3.4.2.1';

/**
 * NSS's database key of a certificate: module and slot ids (0), the lengths of the serial number and of the
 * issuer's DER, then both, base64 (nsNSSCertificate::GetDbKey).
 */
export function certificateDbKey(certificatePem: string): string {
  const der = forge.pki.pemToDer(certificatePem);
  const children = (node: forge.asn1.Asn1 | string | undefined): forge.asn1.Asn1[] =>
    typeof node === 'object' && Array.isArray(node.value) ? node.value.filter((v) => typeof v === 'object') : [];
  // Certificate: tbsCertificate, signatureAlgorithm, signature. TBSCertificate: [0] version (v3), serialNumber,
  // signature, issuer, ...
  const fields = children(children(forge.asn1.fromDer(der))[0]);
  if (fields.length === 0) throw new Error('certificate-override: not an X.509 certificate');
  const first = fields[0]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const serial = fields[first];
  const issuer = fields[first + 2];
  if (!serial || typeof serial.value !== 'string' || !issuer) {
    throw new Error('certificate-override: the certificate has no serial number or issuer');
  }
  const issuerDer = Buffer.from(forge.asn1.toDer(issuer).getBytes(), 'binary');
  const serialBytes = Buffer.from(serial.value, 'binary');
  const lengths = Buffer.alloc(16);
  lengths.writeUInt32BE(serialBytes.length, 8);
  lengths.writeUInt32BE(issuerDer.length, 12);
  return Buffer.concat([lengths, serialBytes, issuerDer]).toString('base64');
}

/** The text of `cert_override.txt` that trusts the `secure` origin's certificate at its host and port alone. */
export function certificateOverride(trust: SecureOriginTrust): string {
  const url = new URL(trust.url);
  if (url.protocol !== 'https:') throw new Error(`certificate-override: ${trust.url} is not an https URL`);
  const port = url.port || '443';
  const fingerprint = new X509Certificate(trust.certificatePem).fingerprint256;
  const line = [`${url.hostname}:${port}:`, SHA256_OID, fingerprint, '', certificateDbKey(trust.certificatePem)];
  return `# PSM Certificate Override Settings file\n${line.join('\t')}\n`;
}
