/**
 * Keeps the `secure` origin's certificates in the user's config folder
 * (config-folder.ts): made on first start, reused later, and made again when
 * a file is missing, unreadable, expired or does not belong with the others,
 * with a message saying so. The folder is 0700 and the key files 0600; the
 * keys are read here and handed only to the TLS listener.
 */
import { X509Certificate, createHash, createPrivateKey } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LEAF_DNS_NAMES, LEAF_IP_ADDRESSES, makeLabCa, makeLeaf, type PemPair } from './lab-certificates.ts';

export const CA_CERT_FILE = 'lab-ca.pem';
export const CA_KEY_FILE = 'lab-ca-key.pem';
export const LEAF_CERT_FILE = 'localhost.pem';
export const LEAF_KEY_FILE = 'localhost-key.pem';

/** A certificate this close to its end is made anew, so it cannot expire while the lab runs. */
const RENEW_BEFORE_MS = 86_400_000;

export interface LabCertificates {
  /** The CA certificate file: what a user adds to a browser's trusted roots. */
  readonly caPath: string;
  /** The leaf certificate and key the `secure` origin serves with. */
  readonly leaf: PemPair;
  /**
   * base64 SHA-256 of the leaf's SubjectPublicKeyInfo: what headless Chromium is
   * told to accept (`--ignore-certificate-errors-spki-list`), and nothing wider.
   */
  readonly leafKeyHash: string;
  /** What was made or remade, and why (empty when everything was reused). */
  readonly messages: readonly string[];
}

type Checked = { ok: true; cert: X509Certificate; pair: PemPair } | { ok: false; why: string };

async function readPair(folder: string, certFile: string, keyFile: string): Promise<PemPair | 'missing' | string> {
  try {
    return { cert: await readFile(join(folder, certFile), 'utf8'), key: await readFile(join(folder, keyFile), 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'missing' : `cannot read it (${code ?? (error as Error).message})`;
  }
}

/** Parses the pair and checks the key belongs to the certificate and the dates cover `now` (with a day to spare). */
function checkPair(pair: PemPair, now: Date): Checked {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pair.cert);
    if (!cert.checkPrivateKey(createPrivateKey(pair.key))) return { ok: false, why: 'its key does not belong to the certificate' };
  } catch (error) {
    return { ok: false, why: `unreadable (${(error as Error).message})` };
  }
  if (new Date(cert.validFrom).getTime() > now.getTime()) return { ok: false, why: `not valid before ${cert.validFrom}` };
  if (new Date(cert.validTo).getTime() - RENEW_BEFORE_MS < now.getTime()) return { ok: false, why: `expired or about to (valid to ${cert.validTo})` };
  return { ok: true, cert, pair };
}

function checkCa(read: PemPair | string, now: Date): Checked {
  if (typeof read === 'string') return { ok: false, why: read };
  const checked = checkPair(read, now);
  if (checked.ok && !checked.cert.ca) return { ok: false, why: 'it is not a CA certificate' };
  return checked;
}

function checkLeaf(read: PemPair | string, ca: X509Certificate, now: Date): Checked {
  if (typeof read === 'string') return { ok: false, why: read };
  const checked = checkPair(read, now);
  if (!checked.ok) return checked;
  if (!checked.cert.checkIssued(ca) || !checked.cert.verify(ca.publicKey)) return { ok: false, why: 'it was not signed by the lab CA' };
  const covers = [...LEAF_DNS_NAMES.map((n) => checked.cert.checkHost(n)), ...LEAF_IP_ADDRESSES.map((a) => checked.cert.checkIP(a))];
  if (covers.some((name) => name === undefined)) return { ok: false, why: 'it does not name localhost, 127.0.0.1 and ::1' };
  return checked;
}

/** Written beside, then renamed: a reader never sees half a file. Keys 0600, certificates 0644. */
async function writePair(folder: string, certFile: string, keyFile: string, pair: PemPair): Promise<void> {
  const write = async (file: string, text: string, mode: number): Promise<void> => {
    const partial = join(folder, `.${file}.${process.pid}.partial`);
    await writeFile(partial, text, { mode });
    await chmod(partial, mode);
    await rename(partial, join(folder, file));
  };
  await write(keyFile, pair.key, 0o600);
  await write(certFile, pair.cert, 0o644);
}

export function spkiHash(certPem: string): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/** The certificates in `folder`, made or remade as needed. */
export async function labCertificates(folder: string, now: Date = new Date()): Promise<LabCertificates> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await chmod(folder, 0o700);
  const messages: string[] = [];
  const caPath = join(folder, CA_CERT_FILE);
  const readCa = await readPair(folder, CA_CERT_FILE, CA_KEY_FILE);
  let ca = checkCa(readCa, now);
  if (!ca.ok) {
    const why = ca.why;
    const made = makeLabCa(now);
    await writePair(folder, CA_CERT_FILE, CA_KEY_FILE, made);
    ca = { ok: true, cert: new X509Certificate(made.cert), pair: made };
    messages.push(
      readCa === 'missing'
        ? `made the lab's certificate authority in ${caPath} (to use the secure origin in your own browser, trust it: cors-lab ca --path)`
        : `remade the lab's certificate authority in ${caPath}: the old one: ${why}. A browser that trusted the old one must trust this one`,
    );
  }
  const readLeaf = await readPair(folder, LEAF_CERT_FILE, LEAF_KEY_FILE);
  let leaf = checkLeaf(readLeaf, ca.cert, now);
  if (!leaf.ok) {
    const made = makeLeaf(ca.pair, now);
    await writePair(folder, LEAF_CERT_FILE, LEAF_KEY_FILE, made);
    if (readLeaf !== 'missing' && messages.length === 0) messages.push(`made a new certificate for localhost in ${folder}: the old one was ${leaf.why}`);
    leaf = { ok: true, cert: new X509Certificate(made.cert), pair: made };
  }
  return { caPath, leaf: leaf.pair, leafKeyHash: spkiHash(leaf.pair.cert), messages };
}
