/**
 * The Chromium features a lab run turns off, as one `--disable-features`. Chromium keeps only the last value of a
 * switch its command line repeats (base::CommandLine), and Playwright passes a `--disable-features` of its own
 * before the caller's flags: so this list repeats Playwright's, and adds the lab's.
 *
 * The lab's additions change nothing a page can see; they spare the CPU that decides how long `npm test` and a
 * catalog run take on a 2-core machine. Measured with Debian's Chromium 156, headless, on test/e2e/lessons.spec.ts
 * (60 tests, each a fresh context): 179 renderer processes and 120 CPU seconds with Playwright's flags alone; 60
 * renderers and 65 CPU seconds with these (wall time 67 s → 39 s).
 */

/**
 * Playwright's own list (playwright-core, src/server/chromium/chromiumSwitches.ts), repeated so that ours does not
 * drop it. runner/chromium-features.test.ts reads the installed playwright-core and fails on any name missing here.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect', 'TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying',
  'AimEnabled', 'PreconnectToSearch', 'msForceBrowserSignIn', 'msEdgeUpdateLaunchServicesPreferredVersion',
] as const;

/**
 * What the lab adds:
 * - the address bar's suggestion popup, drawn as a web page (chrome://omnibox-popup.top-chrome/) in a renderer of
 *   its own for every window Chromium opens, a headless one included, though nobody ever types in its address bar;
 * - the spare renderer Chromium starts ahead of the next navigation to a new site, which a test that opens one
 *   page and closes its context never uses.
 */
export const LAB_DISABLED_FEATURES = [
  'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup', 'SpareRendererForSitePerProcess',
] as const;

export const DISABLE_FEATURES_ARG = `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...LAB_DISABLED_FEATURES].join(',')}`;
