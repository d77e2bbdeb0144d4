/**
 * `cors-lab ca`: where the lab's CA certificate is and how to trust it. The CA key never leaves the
 * machine: not in this command's output, not served by any origin, not in the origins the lab advertises.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CA_CERT_FILE, CA_KEY_FILE, LEAF_KEY_FILE } from '../servers/certificate-store.ts';
import { CONFIG_DIR_ENV } from '../servers/config-folder.ts';
import { startLab, type Lab } from '../servers/lab.ts';
import { paced } from '../test/pace/machine-pace.ts';
import { cli } from './cli-in-memory.ts';

const KEY_ARMOUR = ['-----BEGIN', 'PRIVATE KEY-----'].join(' ');
let folder: string;
let before: string | undefined;

beforeAll(async () => {
  folder = join(await mkdtemp(join(tmpdir(), 'cors-lab-ca-')), 'cors-lab');
  before = process.env[CONFIG_DIR_ENV];
  process.env[CONFIG_DIR_ENV] = folder;
});
afterAll(async () => {
  process.env[CONFIG_DIR_ENV] = before;
  await rm(join(folder, '..'), { recursive: true, force: true });
});

describe('cors-lab ca', { timeout: paced(30_000) }, () => {
  it('--path makes the CA on first use, says so on stderr, and prints only its certificate file', async () => {
    const first = await cli('ca', '--path');
    expect(first.code).toBe(0);
    expect(first.out).toBe(`${join(folder, CA_CERT_FILE)}\n`);
    expect(first.err).toContain("made the lab's certificate authority");
    expect(await readFile(first.out.trim(), 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const again = await cli('ca', '--path');
    expect(again).toEqual({ code: 0, out: first.out, err: '' });
  });

  it('without --path says how to trust the certificate, naming its file, and prints no key', async () => {
    const { code, out } = await cli('ca');
    expect(code).toBe(0);
    expect(out).toContain(`The lab's CA certificate: ${join(folder, CA_CERT_FILE)}`);
    for (const where of ['Chrome or Edge', 'Firefox', 'macOS', 'Debian', 'Windows']) expect(out).toContain(where);
    expect(out).not.toContain(KEY_ARMOUR);
    expect(out).not.toContain(CA_KEY_FILE);
  });

  it('refuses an unknown flag, naming it', async () => {
    const { code, err } = await cli('ca', '--key');
    expect(code).toBe(2);
    expect(err).toContain("Unknown option '--key'");
  });
});

describe('the CA key stays on the machine', { timeout: paced(30_000) }, () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab({ configDir: folder });
  });
  afterAll(() => lab.close());

  it('no origin serves a key file, whatever the path asks for', async () => {
    const keys = await Promise.all([CA_KEY_FILE, LEAF_KEY_FILE].map((file) => readFile(join(folder, file), 'utf8')));
    const files = await readdir(folder);
    const http = lab.origins.find((o) => o.name === 'app')!;
    for (const path of [...files.map((f) => `/${f}`), `/../${CA_KEY_FILE}`, `/%2e%2e/${CA_KEY_FILE}`, '/__lab/origins']) {
      const response = await fetch(`${http.url}${path}`);
      const body = await response.text();
      expect(body, path).not.toContain(KEY_ARMOUR);
      for (const key of keys) expect(body, path).not.toContain(key.split('\n')[1]);
    }
  });

  it('advertises the secure origin with its public-key hash only', () => {
    const secure = lab.origins.find((o) => o.name === 'secure')!;
    expect(secure.url).toMatch(/^https:\/\/localhost:\d+$/);
    expect(Object.keys(secure).sort()).toEqual(['name', 'publicKeyHash', 'role', 'site', 'url']);
    expect(JSON.stringify(lab.origins)).not.toContain(KEY_ARMOUR);
  });
});
