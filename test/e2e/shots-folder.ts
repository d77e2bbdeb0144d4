/**
 * Where browser tests save the screenshots people look at (light, dark, presenter, 390 px): `CORS_LAB_SHOTS` when
 * set, else the work tree's git-ignored `tmp/shots/`. Never a folder outside the work tree by default.
 */
import { fileURLToPath } from 'node:url';

export const SHOTS = process.env.CORS_LAB_SHOTS?.replace(/\/?$/, '/')
  ?? fileURLToPath(new URL('../../tmp/shots/', import.meta.url));
