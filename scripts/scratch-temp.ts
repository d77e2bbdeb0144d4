/**
 * One scratch temp folder for a whole test run (scripts/test-all.ts gives it to every job as TMPDIR), removed when
 * the run ends: a run left some 20 folders in the system's temp folder, and a killed browser its profile. It is
 * short and in the system's temp folder, so socket paths under it stay within their limit (the longest, Chromium's
 * SingletonSocket in a test's profile, is some 93 bytes of 108). The transform caches of tsx and Playwright stay
 * where they were, linked in: a cold cache would cost every run CPU.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';

/** The caches kept across runs, named as tsx and Playwright name them in the temp folder. */
export function keptCaches(user: string | number = process.geteuid?.() ?? userInfo().username): string[] {
  return [`tsx-${user}`, `playwright-transform-cache-${user}`];
}

export interface Scratch {
  dir: string;
  /** Removes the folder (its links, not what they point to); what cannot be removed is said through `say`. */
  remove: (say: (text: string) => void) => void;
}

export function makeScratch(systemTemp: string, caches: readonly string[] = keptCaches()): Scratch {
  const dir = mkdtempSync(join(systemTemp, 'cors-lab-test-'));
  for (const cache of caches) {
    mkdirSync(join(systemTemp, cache), { recursive: true });
    symlinkSync(join(systemTemp, cache), join(dir, cache));
  }
  const remove = (say: (text: string) => void): void => {
    try {
      // A process of the run may still be ending: try again for a moment.
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch (error) {
      say(`Could not remove ${dir}: ${String(error)}\n`);
    }
  };
  return { dir, remove };
}
