/** The version `cors-lab --version` prints: package.json's, found above this file (source or compiled). */
import { existsSync, readFileSync } from 'node:fs';

export function packageVersion(): string {
  for (let dir = new URL('.', import.meta.url); ; dir = new URL('..', dir)) {
    const file = new URL('package.json', dir);
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'cors-lab' && pkg.version) return pkg.version;
    }
    if (dir.pathname === '/') throw new Error('package.json of cors-lab not found');
  }
}
