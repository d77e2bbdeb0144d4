/**
 * Where browser tests save the screenshots people look at (light, dark, presenter, 390 px): `CORS_LAB_SHOTS` when
 * set, else the work tree's git-ignored `tmp/shots/`. Never a folder outside the work tree by default.
 */
import { fileURLToPath } from 'node:url';

export const SHOTS = process.env.CORS_LAB_SHOTS?.replace(/\/?$/, '/')
  ?? fileURLToPath(new URL('../../tmp/shots/', import.meta.url));

/** The views a change is looked at in: light, dark, presenter, a 390 px phone, and Chinese on that phone. */
export const READER_VIEWS = [
  { name: 'light', width: 1280, lang: 'en', dark: false, presenter: false },
  { name: 'dark', width: 1280, lang: 'en', dark: true, presenter: false },
  { name: 'presenter', width: 1280, lang: 'en', dark: false, presenter: true },
  { name: '390', width: 390, lang: 'en', dark: false, presenter: false },
  { name: 'zh-CN-390', width: 390, lang: 'zh-CN', dark: false, presenter: false },
] as const;
