/** Firefox's frame refusal lines: read as Firefox 153 printed them, attributed to one step, never forged by a page. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FIREFOX_FRAME_LINES, firefoxFrameLine, frameRefusalLine, isFirefoxFrameReason, readFirefoxFrameLine,
} from './firefox-frame-lines.ts';

const URL_AT = 'http://localhost:44647/__cl/4e61dfb9-4c3f2024/0/eyJwIjoiYXBwIn0/';
/** Measured in Firefox 153.8 ESR (frames-xfo-deny, frames-frame-ancestors-other-origin). */
const XFO = `The loading of “${URL_AT}” in a frame is denied by “X-Frame-Options“ directive set to “deny“.`;
const CSP = 'Content-Security-Policy: The page’s settings blocked the loading of a resource (frame-ancestors) at ' +
  '<unknown> because it violates the following directive: “frame-ancestors http://localhost:44647”';

describe('readFirefoxFrameLine', () => {
  it('reads the lines Firefox printed, with the URL they name', () => {
    expect(readFirefoxFrameLine(XFO)).toEqual({ reason: 'XFrameOptionsDeny', url: URL_AT });
    expect(readFirefoxFrameLine(CSP)).toEqual({ reason: 'CSPGenericViolation', url: null });
  });

  it('writes them back as read', () => {
    expect(firefoxFrameLine('XFrameOptionsDeny', { url: URL_AT, value: 'deny' })).toBe(XFO);
    const values = { kind: 'frame-ancestors', url: '<unknown>', directive: 'frame-ancestors http://localhost:44647' };
    expect(firefoxFrameLine('CSPGenericViolation', values)).toBe(CSP);
  });

  for (const text of ['', `Error: ${XFO}`, `uncaught exception: ${CSP}`, XFO.slice(0, -1), 'TypeError: x']) {
    it(`reads nothing from ${JSON.stringify(text.slice(0, 50))}`, () => {
      expect(readFirefoxFrameLine(text)).toBeNull();
    });
  }

  it('knows its ids and no others', () => {
    expect(Object.keys(FIREFOX_FRAME_LINES).every(isFirefoxFrameReason)).toBe(true);
    for (const name of ['CORSMissingAllowOrigin', 'other', 'xframeoptionsdeny', '']) {
      expect(isFirefoxFrameReason(name)).toBe(false);
    }
  });

  it('is the table README.md shows', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const reason of Object.keys(FIREFOX_FRAME_LINES)) expect(readme).toContain(`| \`${reason}\` | `);
    expect(readme).toContain(
      '| `XFrameOptionsDeny` | The loading of “…” in a frame is denied by “X-Frame-Options“ directive set to “…“. |',
    );
  });
});

describe('frameRefusalLine', () => {
  const marker = '/__cl/4e61dfb9-4c3f2024/';

  it("takes a line naming the step's URL, and one naming none only for a step that frames", () => {
    expect(frameRefusalLine(['noise', XFO], marker, false)).toEqual({ reason: 'XFrameOptionsDeny', line: XFO });
    expect(frameRefusalLine([CSP], marker, true)).toEqual({ reason: 'CSPGenericViolation', line: CSP });
    expect(frameRefusalLine([CSP], marker, false)).toBeNull();
  });

  it("never takes another step's URL", () => {
    expect(frameRefusalLine([XFO], '/__cl/other-run/', true)).toBeNull();
  });
});
