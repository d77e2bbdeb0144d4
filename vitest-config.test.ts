/**
 * The unit tests' own configuration: each file vitest.config.ts isolates exists (a renamed one would quietly share
 * modules with other files).
 */
import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ISOLATED_TESTS } from './vitest.config.ts';

it('names in ISOLATED_TESTS only test files that exist', () => {
  expect(ISOLATED_TESTS.length).toBeGreaterThan(0);
  const missing = ISOLATED_TESTS.filter((file) => !existsSync(new URL(file, import.meta.url)));
  expect(missing).toEqual([]);
});
