/**
 * The WebKit lines that end a step no page event ends (step-end-lines.ts), as WebKitGTK 2.50.6 printed them for the
 * catalog's CORS beacons and the frame that fails CORP; a page's own console line with the same words never counts.
 */
import { describe, expect, it } from 'vitest';
import { stepEndUrl } from './step-end-lines.ts';

const MARKER = '/__cl/b4c2f262155803806c8eb018d4bcb6a0-dab52362f2411928061b6604/';
const URL_OF_STEP = `http://localhost:39067${MARKER}0/eyJwIjoiZXZpbCIsInMiOnt9fQ/`;

describe('stepEndUrl', () => {
  it("reads a CORS beacon's failure line, whatever follows the URL", () => {
    const lines = [
      `CONSOLE NETWORK ERROR Beacon API cannot load ${URL_OF_STEP}. Origin http://evil.localhost:37139 is not ` +
        'allowed by Access-Control-Allow-Origin. Status code: 204',
      `CONSOLE NETWORK ERROR Beacon API cannot load ${URL_OF_STEP} due to access control checks.`,
      `CONSOLE NETWORK ERROR Beacon API cannot load ${URL_OF_STEP}`,
    ];
    for (const line of lines) expect(stepEndUrl('beacon', line, MARKER), line).toBe(URL_OF_STEP);
  });

  it("reads a frame's CORP refusal", () => {
    const line = `CONSOLE SECURITY ERROR Cancelled load to ${URL_OF_STEP} because it violates the resource's ` +
      'Cross-Origin-Resource-Policy response header.';
    expect(stepEndUrl('frame', line, MARKER)).toBe(URL_OF_STEP);
    expect(stepEndUrl('beacon', line, MARKER)).toBeNull();
  });

  it("ignores another run's URL, an empty marker, the page's own console lines and other sentences", () => {
    const beacon = `CONSOLE NETWORK ERROR Beacon API cannot load ${URL_OF_STEP}.`;
    expect(stepEndUrl('beacon', beacon, '/__cl/another-run/')).toBeNull();
    expect(stepEndUrl('beacon', beacon, '')).toBeNull();
    expect(stepEndUrl('frame', beacon, MARKER)).toBeNull();
    expect(stepEndUrl('beacon', `CONSOLE JS LOG Beacon API cannot load ${URL_OF_STEP}.`, MARKER)).toBeNull();
    expect(stepEndUrl('frame', `CONSOLE JS ERROR Cancelled load to ${URL_OF_STEP} because it violates the ` +
      "resource's Cross-Origin-Resource-Policy response header.", MARKER)).toBeNull();
    expect(stepEndUrl('frame', 'CONSOLE SECURITY ERROR Cannot use wildcard in Access-Control-Allow-Origin when ' +
      'credentials flag is true.', MARKER)).toBeNull();
  });
});
