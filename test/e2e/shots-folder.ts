/**
 * The screenshots people look at (light, dark, presenter, 390 px), taken only when asked: `npm run shots` (or
 * `CORS_LAB_SHOTS=1 npx playwright test`) saves them in the work tree's git-ignored `tmp/shots/`, and
 * `CORS_LAB_SHOTS=<folder>` in that folder. A run nobody looks at (`npm test`, CI) draws none: about 120 full pages
 * and panels, CPU that a 2-core machine's browser tests are short of.
 */
import { fileURLToPath } from 'node:url';

export const SHOTS_ENV = 'CORS_LAB_SHOTS';

/** Where screenshots go for this value of CORS_LAB_SHOTS; undefined when none are wanted. */
export function shotsFolder(value: string | undefined): string | undefined {
  if (value === undefined || value === '' || value === '0') return undefined;
  if (value === '1') return fileURLToPath(new URL('../../tmp/shots/', import.meta.url));
  return value.replace(/\/?$/, '/');
}

export const SHOTS = shotsFolder(process.env[SHOTS_ENV]);

/** A page, a locator or an element handle: what Playwright can take a screenshot of. */
interface Shootable {
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
}

/** Saves `name` in the shots folder when screenshots are wanted; a target not found (null) is skipped, as before. */
export async function shot(target: Shootable | null | undefined, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (SHOTS === undefined || !target) return;
  await target.screenshot({ path: `${SHOTS}${name}`, ...options });
}

/** The views a change is looked at in: light, dark, presenter, a 390 px phone, and Chinese on that phone. */
export const READER_VIEWS = [
  { name: 'light', width: 1280, lang: 'en', dark: false, presenter: false },
  { name: 'dark', width: 1280, lang: 'en', dark: true, presenter: false },
  { name: 'presenter', width: 1280, lang: 'en', dark: false, presenter: true },
  { name: '390', width: 390, lang: 'en', dark: false, presenter: false },
  { name: 'zh-CN-390', width: 390, lang: 'zh-CN', dark: false, presenter: false },
] as const;
