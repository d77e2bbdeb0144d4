/**
 * Firefox's console lines for a frame it refuses to render (format 1.2 `iframe`, `postMessage` to a frame), beside
 * its CORS reasons (firefox-reasons.ts). MDN names no reason for these, so each id is the key of Firefox's own
 * string: `XFrameOptionsDeny` in dom/locales/en-US/chrome/security/security.properties, `CSPGenericViolation` in
 * csp.properties (https://searchfox.org/mozilla-central/source/dom/locales/en-US/chrome/security/). Firefox writes
 * them as errors of the framing page (BiDi `log.entryAdded`, type `javascript`), as its CORS lines. Measured in
 * Firefox 153 ESR: the X-Frame-Options value lower-cased ("invalid" for several), the frame's full URL; the
 * frame-ancestors line names no URL (`<unknown>`), only the directive that refused the page, as the answer wrote it.
 */

/** Each id with Firefox's line; `{name}` is a value Firefox fills in. */
export const FIREFOX_FRAME_LINES = {
  XFrameOptionsDeny: 'The loading of “{url}” in a frame is denied by “X-Frame-Options“ directive set to “{value}“.',
  /** Several different X-Frame-Options values (two lines, or a list): refused, and named "invalid" (measured). */
  XFrameOptionsInvalid:
    'Invalid X-Frame-Options header was found when loading “{url}”: “{value}” is not a valid directive.',
  CSPGenericViolation:
    'Content-Security-Policy: The page’s settings blocked the loading of a resource ({kind}) at {url} because it ' +
    'violates the following directive: “{directive}”',
} as const;

export type FirefoxFrameReason = keyof typeof FIREFOX_FRAME_LINES;
const FRAME_REASONS = Object.keys(FIREFOX_FRAME_LINES) as FirefoxFrameReason[];

export function isFirefoxFrameReason(value: string): value is FirefoxFrameReason {
  return Object.hasOwn(FIREFOX_FRAME_LINES, value);
}

/** What the frame-ancestors line names instead of a URL (measured). */
export const UNKNOWN_URL = '<unknown>';

/** The line for `reason` with its values filled in. */
export function firefoxFrameLine(reason: FirefoxFrameReason, values: Readonly<Record<string, string>>): string {
  return FIREFOX_FRAME_LINES[reason].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** `{url}` captured, every other value a lazy match; the whole line must match. */
const PATTERNS = FRAME_REASONS.map((reason) => {
  const parts = FIREFOX_FRAME_LINES[reason].split(/(\{\w+\})/).map((part) =>
    part === '{url}' ? '(?<url>.+?)' : /^\{\w+\}$/.test(part) ? '.+?' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
  return { reason, pattern: new RegExp(`^${parts.join('')}$`) };
});

/** Reads a Firefox console line: a frame refusal, with the URL it names (null: `<unknown>`), or null. */
export function readFirefoxFrameLine(line: string): { reason: FirefoxFrameReason; url: string | null } | null {
  for (const { reason, pattern } of PATTERNS) {
    const url = pattern.exec(line)?.groups?.url;
    if (url !== undefined) return { reason, url: url === UNKNOWN_URL ? null : url };
  }
  return null;
}

/**
 * The frame refusal among a step's lines: one naming the step's URL (`marker`), or, for a step that frames, one
 * naming no URL (frame-ancestors): the driver collects a tab's lines one step at a time, up to the step's own
 * settled marker, so such a line is the step's.
 */
export function frameRefusalLine(
  lines: readonly string[], marker: string, frames: boolean,
): { reason: FirefoxFrameReason; line: string } | null {
  for (const line of lines) {
    const read = readFirefoxFrameLine(line);
    if (read && (read.url === null ? frames : read.url.includes(marker))) return { reason: read.reason, line };
  }
  return null;
}
