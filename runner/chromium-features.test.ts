import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, QUIET_ARGS } from './find-browser.ts';
import { DISABLE_FEATURES_ARG, LAB_DISABLED_FEATURES, PLAYWRIGHT_DISABLED_FEATURES } from './chromium-features.ts';

/** The names in the installed playwright-core's `disabledFeatures = [ ... ]` (its chromiumSwitches.ts, bundled). */
function playwrightsList(): string[] {
  const root = dirname(createRequire(import.meta.url).resolve('playwright-core/package.json'));
  const bundle = readFileSync(join(root, 'lib', 'coreBundle.js'), 'utf8');
  const list = /disabledFeatures = \[([\s\S]*?)\]/.exec(bundle)?.[1];
  if (list === undefined) throw new Error(`playwright-core ${root}: no disabledFeatures list in lib/coreBundle.js`);
  // Its comments name issues and crbug links, never a quoted feature.
  return [...list.matchAll(/^\s*"([A-Za-z0-9]+)"/gm)].map((m) => m[1] ?? '');
}

describe('the lab\'s --disable-features', () => {
  it('repeats every feature the installed Playwright disables, since Chromium keeps only the last --disable-features', () => {
    const theirs = playwrightsList();
    expect(theirs.length).toBeGreaterThan(5);
    expect(theirs.filter((name) => !(PLAYWRIGHT_DISABLED_FEATURES as readonly string[]).includes(name))).toEqual([]);
  });

  it('is the last flag of every lab launch, and not one the fixture adds to a user\'s own Chromium', () => {
    expect(CHROMIUM_ARGS.at(-1)).toBe(DISABLE_FEATURES_ARG);
    expect(CHROMIUM_ARGS.filter((arg) => arg.startsWith('--disable-features='))).toHaveLength(1);
    for (const name of LAB_DISABLED_FEATURES) expect(DISABLE_FEATURES_ARG.split(/[=,]/)).toContain(name);
    expect(QUIET_ARGS.some((arg) => arg.startsWith('--disable-features'))).toBe(false);
  });
});
