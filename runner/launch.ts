/**
 * Launches headless Chromium the way every lab run does. The lab's `public`
 * origin is made a public address space for Chromium (Local Network Access),
 * which the browser can only be told at launch, so a launch that knows the
 * lab passes its port. Third-party cookies can only be allowed in a profile:
 * that browser is a persistent context with a seeded `Default/Preferences`
 * (measured in shared/browser-facts.md; CDP `Network.setCookieControls` did
 * not change it).
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import type { LabOrigin } from '../plan/origins.ts';
import { CHROMIUM_ARGS, findChromium } from './find-browser.ts';
import { runnerScript } from '../servers/runner-script.ts';

/** `--ip-address-space-overrides=127.0.0.1:PORT=public` for the lab's public origin. */
export function publicOverrideArgs(origins: readonly LabOrigin[] | undefined): string[] {
  const pub = origins?.find((o) => o.name === 'public');
  if (!pub) return [];
  const url = new URL(pub.url);
  return [`--ip-address-space-overrides=${url.hostname}:${url.port}=public`];
}

/**
 * Trust for the lab's `secure` origin: Chromium accepts a certificate whose
 * public key has this SHA-256 hash, whoever signed it, and nothing wider
 * (never `--ignore-certificate-errors`). Measured in Debian's Chromium,
 * headless: the leaf's hash is honoured, and the page sees a secure context.
 */
export function secureTrustArgs(origins: readonly LabOrigin[] | undefined): string[] {
  const hash = origins?.find((o) => o.name === 'secure')?.publicKeyHash;
  return hash ? [`--ignore-certificate-errors-spki-list=${hash}`] : [];
}

/** The flags a lab run adds to Chromium's own, for the lab's public and secure origins. */
export const labArgs = (origins: readonly LabOrigin[] | undefined): string[] => [...publicOverrideArgs(origins), ...secureTrustArgs(origins)];

export function launchChromium(origins?: readonly LabOrigin[]): Promise<Browser> {
  // A launch that knows the lab runs its runner pages next, whose script is bundled once per process on the first
  // page's request (servers/runner-script.ts; 0.4 s on a busy 2-core machine, every slot's first tab waiting on it):
  // bundled while Chromium starts instead. The same bundle either way; an error still reaches that first request.
  if (origins) void runnerScript().catch(() => undefined);
  return chromium.launch({ executablePath: findChromium(), headless: true, args: [...CHROMIUM_ARGS, ...labArgs(origins)] });
}

/** Chromium's "Allow third-party cookies" (chrome://settings/cookies), as a profile preference. */
const ALLOW_THIRD_PARTY_COOKIES = { profile: { cookie_controls_mode: 0 } };

/** Chromium's helper processes may still write to the profile for a moment after the close: retry. */
const removeProfile = (profile: string): Promise<void> => rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });

export interface ProfileBrowser {
  context: BrowserContext;
  /** Closes the browser and removes its temporary profile. */
  close(): Promise<void>;
}

/** A browser whose one context allows third-party cookies, in a temporary profile; `extraArgs` for callers with flags of their own. */
export async function launchAllowingThirdPartyCookies(origins?: readonly LabOrigin[], extraArgs: readonly string[] = []): Promise<ProfileBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'cors-lab-profile-'));
  try {
    await mkdir(join(profile, 'Default'));
    await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify(ALLOW_THIRD_PARTY_COOKIES));
    const context = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), headless: true, args: [...CHROMIUM_ARGS, ...labArgs(origins), ...extraArgs] });
    return { context, close: async () => void (await context.close(), await removeProfile(profile)) };
  } catch (error) {
    await removeProfile(profile);
    throw error;
  }
}
