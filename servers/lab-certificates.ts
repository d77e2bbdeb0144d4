/**
 * Makes the `secure` origin's certificates: a lab CA (a self-signed CA
 * certificate and its key) and a leaf for `localhost`, `127.0.0.1` and `::1`
 * signed by it. Node can parse X.509 but not write it; node-forge writes it
 * (one package with no dependencies, BSD-3-Clause; @peculiar/x509 needed a
 * global `Reflect` metadata polyfill in the user's process). The RSA keys are
 * made by Node's own crypto, natively.
 *
 * The CA is constrained (RFC 5280 section 4.2.1.10, name constraints, marked
 * critical, and basicConstraints CA with path length 0): it may sign only for
 * `localhost` and names below it, 127.0.0.1 and ::1. A copy of its key that
 * leaked could not vouch for any other site in a browser that trusts the CA
 * (Chromium enforces name constraints on locally added roots too).
 */
import forge from 'node-forge';
import { generateKeyPairSync, randomBytes } from 'node:crypto';

/** The names the leaf is for: every way a browser reaches the lab's loopback origins. */
export const LEAF_DNS_NAMES = ['localhost'] as const;
export const LEAF_IP_ADDRESSES = ['127.0.0.1', '::1'] as const;

/** How long each certificate lasts: a CA the user trusts once for years, a leaf renewed from it yearly. */
export const CA_DAYS = 3650;
export const LEAF_DAYS = 365;
const DAY_MS = 86_400_000;

export interface PemPair {
  /** The certificate, PEM. */
  readonly cert: string;
  /** Its PKCS #8 private key, PEM: never served, logged or exported. */
  readonly key: string;
}

const OID_NAME_CONSTRAINTS = '2.5.29.30';
const { asn1 } = forge;
/** node-forge has this at run time; its published types leave it out. */
const { bytesFromIP } = forge.util as unknown as { bytesFromIP(address: string): string };

/** A GeneralName (RFC 5280 4.2.1.6): a context tag over the raw bytes, as IMPLICIT tagging writes it. */
const generalName = (tag: number, bytes: string): forge.asn1.Asn1 => asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, false, bytes);
const DNS_NAME_TAG = 2;
const IP_ADDRESS_TAG = 7;

/** Permitted subtrees: DNS `localhost` (and names below it), 127.0.0.1/32 and ::1/128 (address then mask). */
function loopbackNameConstraints(): { id: string; critical: boolean; value: forge.asn1.Asn1 } {
  const ipSubtree = (address: string, maskBytes: number): forge.asn1.Asn1 => generalName(IP_ADDRESS_TAG, bytesFromIP(address) + '\xff'.repeat(maskBytes));
  const bases = [...LEAF_DNS_NAMES.map((name) => generalName(DNS_NAME_TAG, name)), ipSubtree('127.0.0.1', 4), ipSubtree('::1', 16)];
  const subtrees = bases.map((base) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [base]));
  const permitted = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, subtrees);
  return { id: OID_NAME_CONSTRAINTS, critical: true, value: asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [permitted]) };
}

const CA_SUBJECT = [
  { name: 'commonName', value: 'cors-lab local CA (this machine only)' },
  { name: 'organizationName', value: 'cors-lab' },
];
const LEAF_SUBJECT = [
  { name: 'commonName', value: 'localhost' },
  { name: 'organizationName', value: 'cors-lab' },
];

interface NewKeys {
  readonly forgePrivate: forge.pki.rsa.PrivateKey;
  readonly forgePublic: forge.pki.rsa.PublicKey;
  readonly pem: string;
}

function newKeys(): NewKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const forgePublic = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  return { forgePrivate: forge.pki.privateKeyFromPem(pem), forgePublic, pem };
}

/** A positive serial number of 16 random bytes (RFC 5280 4.1.2.2: unique per CA, at most 20 bytes). */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return bytes.toString('hex');
}

function newCertificate(publicKey: forge.pki.rsa.PublicKey, notBefore: Date, notAfter: Date): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  return cert;
}

/** A new lab CA, valid from `now` for CA_DAYS. */
export function makeLabCa(now: Date): PemPair {
  const keys = newKeys();
  const cert = newCertificate(keys.forgePublic, now, new Date(now.getTime() + CA_DAYS * DAY_MS));
  cert.setSubject(CA_SUBJECT);
  cert.setIssuer(CA_SUBJECT);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    loopbackNameConstraints(),
  ]);
  cert.sign(keys.forgePrivate, forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: keys.pem };
}

/** A new leaf for the loopback names, signed by `ca`, valid from `now` for LEAF_DAYS (never past the CA). */
export function makeLeaf(ca: PemPair, now: Date): PemPair {
  const caCert = forge.pki.certificateFromPem(ca.cert);
  const keys = newKeys();
  const notAfter = new Date(Math.min(now.getTime() + LEAF_DAYS * DAY_MS, caCert.validity.notAfter.getTime()));
  const cert = newCertificate(keys.forgePublic, now, notAfter);
  cert.setSubject(LEAF_SUBJECT);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [...LEAF_DNS_NAMES.map((value) => ({ type: DNS_NAME_TAG, value })), ...LEAF_IP_ADDRESSES.map((ip) => ({ type: IP_ADDRESS_TAG, ip }))] },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(ca.key) as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: keys.pem };
}
