/** The lab CA and leaf in a config folder: made, reused, remade when expired or unreadable, kept private. */
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CA_CERT_FILE, CA_KEY_FILE, LEAF_CERT_FILE, LEAF_KEY_FILE, labCertificates, spkiHash } from './certificate-store.ts';
import { CA_DAYS, LEAF_DAYS } from './lab-certificates.ts';
import { paced } from '../test/pace/machine-pace.ts';

const DAY_MS = 86_400_000;
const NOW = new Date('2026-12-07T00:00:00Z');
const later = (days: number): Date => new Date(NOW.getTime() + days * DAY_MS);

let parent: string;
let folder: string;
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'cors-lab-certs-'));
  folder = join(parent, 'config', 'cors-lab');
});
afterEach(() => rm(parent, { recursive: true, force: true }));

const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;
const fileText = (name: string): Promise<string> => readFile(join(folder, name), 'utf8');

// Each making is an RSA key pair from Node's crypto: about a second on a loaded two-core machine.
describe('labCertificates', { timeout: paced(30_000) }, () => {
  it('makes a CA and a localhost leaf on first start: folder 0700, keys 0600, the leaf signed by the CA', async () => {
    const made = await labCertificates(folder, NOW);
    expect(await modeOf(folder)).toBe(0o700);
    expect(await modeOf(join(folder, CA_KEY_FILE))).toBe(0o600);
    expect(await modeOf(join(folder, LEAF_KEY_FILE))).toBe(0o600);
    expect(made.caPath).toBe(join(folder, CA_CERT_FILE));
    expect(made.messages).toEqual([expect.stringContaining(`made the lab's certificate authority in ${made.caPath}`)]);
    const ca = new X509Certificate(await fileText(CA_CERT_FILE));
    const leaf = new X509Certificate(made.leaf.cert);
    expect(ca.ca).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.checkHost('localhost')).toBe('localhost');
    expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(leaf.checkIP('::1')).toBe('::1');
    expect(leaf.checkHost('example.com')).toBeUndefined();
    expect(new Date(leaf.validTo).getTime()).toBe(later(LEAF_DAYS).getTime());
    expect(new Date(ca.validTo).getTime()).toBe(later(CA_DAYS).getTime());
    expect(made.leafKeyHash).toBe(spkiHash(made.leaf.cert));
    expect(made.leafKeyHash).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('constrains the CA to localhost, 127.0.0.1/32 and ::1/128 (critical name constraints, path length 0)', async () => {
    await labCertificates(folder, NOW);
    const ca = forge.pki.certificateFromPem(await fileText(CA_CERT_FILE));
    const constraints = ca.getExtension('nameConstraints') as { critical: boolean; value: string } | null;
    expect(constraints?.critical).toBe(true);
    const permitted = forge.asn1.fromDer(constraints!.value).value[0] as forge.asn1.Asn1;
    const bases = (permitted.value as forge.asn1.Asn1[]).map((subtree) => (subtree.value as forge.asn1.Asn1[])[0]!);
    expect(bases.map((b) => [b.type, forge.util.bytesToHex(b.value as string)])).toEqual([
      [2, forge.util.bytesToHex('localhost')],
      [7, '7f000001ffffffff'],
      [7, `${'00'.repeat(15)}01${'ff'.repeat(16)}`],
    ]);
    expect(ca.getExtension('basicConstraints')).toMatchObject({ cA: true, pathLenConstraint: 0, critical: true });
  });

  it('reuses the same files on a later start, saying nothing', async () => {
    const first = await labCertificates(folder, NOW);
    const second = await labCertificates(folder, later(100));
    expect(second.messages).toEqual([]);
    expect(second.leaf).toEqual(first.leaf);
    expect(second.leafKeyHash).toBe(first.leafKeyHash);
  });

  it('remakes an expired leaf from the same CA, so a browser that trusts the CA keeps trusting the lab', async () => {
    const first = await labCertificates(folder, NOW);
    const caBefore = await fileText(CA_CERT_FILE);
    const renewed = await labCertificates(folder, later(LEAF_DAYS));
    expect(renewed.leafKeyHash).not.toBe(first.leafKeyHash);
    expect(renewed.messages).toEqual([expect.stringMatching(/made a new certificate for localhost .*: the old one was expired or about to/)]);
    expect(await fileText(CA_CERT_FILE)).toBe(caBefore);
    expect(new X509Certificate(renewed.leaf.cert).checkIssued(new X509Certificate(caBefore))).toBe(true);
  });

  it('remakes an expired CA and its leaf, and says a browser must trust the new CA', async () => {
    await labCertificates(folder, NOW);
    const caBefore = await fileText(CA_CERT_FILE);
    const renewed = await labCertificates(folder, later(CA_DAYS));
    expect(await fileText(CA_CERT_FILE)).not.toBe(caBefore);
    expect(renewed.messages).toEqual([expect.stringMatching(/remade the lab's certificate authority .*expired or about to.*must trust this one/)]);
    expect(new X509Certificate(renewed.leaf.cert).checkIssued(new X509Certificate(await fileText(CA_CERT_FILE)))).toBe(true);
  });

  for (const [what, file, text] of [
    ['garbage in the CA certificate', CA_CERT_FILE, 'not a certificate'],
    ['garbage in the CA key', CA_KEY_FILE, `${['-----BEGIN', 'PRIVATE KEY-----'].join(' ')}\nAAAA\n`],
    ['an empty leaf certificate', LEAF_CERT_FILE, ''],
  ] as const) {
    it(`remakes what is unreadable (${what}) with a message, and serves a working pair`, async () => {
      const first = await labCertificates(folder, NOW);
      await writeFile(join(folder, file), text);
      const again = await labCertificates(folder, NOW);
      expect(again.messages).toEqual([expect.stringContaining('unreadable')]);
      expect(again.leafKeyHash).not.toBe(first.leafKeyHash);
      const leaf = new X509Certificate(again.leaf.cert);
      expect(leaf.checkIssued(new X509Certificate(await fileText(CA_CERT_FILE)))).toBe(true);
      expect(await modeOf(join(folder, file.includes('key') ? file : file.replace('.pem', '-key.pem')))).toBe(0o600);
    });
  }

  it('remakes a leaf signed by another CA (files from two different makings)', async () => {
    await labCertificates(folder, NOW);
    const other = join(parent, 'other');
    await labCertificates(other, NOW);
    await writeFile(join(folder, LEAF_CERT_FILE), await readFile(join(other, LEAF_CERT_FILE)));
    await writeFile(join(folder, LEAF_KEY_FILE), await readFile(join(other, LEAF_KEY_FILE)));
    const again = await labCertificates(folder, NOW);
    expect(again.messages).toEqual([expect.stringContaining('not signed by the lab CA')]);
  });

  it('tightens a folder made with looser permissions', async () => {
    await labCertificates(folder, NOW);
    const { chmod } = await import('node:fs/promises');
    await chmod(folder, 0o755);
    await labCertificates(folder, NOW);
    expect(await modeOf(folder)).toBe(0o700);
  });
});
