/**
 * The `secure` origin's keys live only in the user's config folder: no tracked
 * file of the repository holds a private key, and git ignores the key files
 * should one be copied into the work tree.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CA_KEY_FILE, LEAF_KEY_FILE } from './certificate-store.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** PEM armour of any private key (PKCS #8, PKCS #1, SEC 1, encrypted, OpenSSH). */
const PRIVATE_KEY_PEM = new RegExp(['-----BEGIN', '(?:[A-Z]+ )*PRIVATE KEY-----'].join(' '));
const git = (...args: string[]): string => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });

describe('no private key in the repository', () => {
  it('finds none in any tracked file', () => {
    const tracked = git('ls-files', '-z').split('\0').filter(Boolean);
    expect(tracked.length).toBeGreaterThan(100);
    const withKeys = tracked.filter((file) => {
      const path = join(ROOT, file);
      return statSync(path, { throwIfNoEntry: false })?.isFile() && PRIVATE_KEY_PEM.test(readFileSync(path, 'latin1'));
    });
    expect(withKeys).toEqual([]);
  });

  it('the pattern finds a key the lab writes', () => {
    expect(PRIVATE_KEY_PEM.test(`${['-----BEGIN', 'PRIVATE KEY-----'].join(' ')}\nMIIE\n`)).toBe(true);
    expect(PRIVATE_KEY_PEM.test(`${['-----BEGIN', 'RSA PRIVATE KEY-----'].join(' ')}\nMIIE\n`)).toBe(true);
    expect(PRIVATE_KEY_PEM.test('-----BEGIN CERTIFICATE-----\nMIIB\n')).toBe(false);
  });

  it('git ignores the lab key files wherever they are copied', () => {
    for (const file of [CA_KEY_FILE, LEAF_KEY_FILE, `servers/${CA_KEY_FILE}`]) expect(git('check-ignore', '--no-index', file).trim()).toBe(file);
  });
});
