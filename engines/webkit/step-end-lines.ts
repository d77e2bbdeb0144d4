/**
 * WebKit's console lines that end a step no page event ends (runner-page/engine-ends.ts), each naming the URL it is
 * for. Measured in WebKitGTK 2.50.6:
 * - a frame that fails the CORP check fires no `load` in the page; WebKit prints its CORP sentence
 *   (WebKitResourcePolicy, format/webkit-sentences.ts) with the frame's URL;
 * - a beacon in CORS mode (a non-safelisted Blob type) gets no Resource Timing entry, the page's usual end of a
 *   beacon (runner-page/run-beacon.ts); when its preflight or its answer fails the CORS check WebKit prints
 *   `CONSOLE NETWORK ERROR Beacon API cannot load URL. ...` (the failure, on the SECURITY line before it).
 * Only WebKit's own sources count: a page's console calls print as `CONSOLE JS` or `CONSOLE CONSOLE-API` lines, so a
 * page cannot end a step by logging one of these sentences.
 */
import { SECURITY_LINE } from '../../format/webkit-sentences.ts';
import { readWebKitConsole } from './webkit-reasons.ts';

/** What a step ends on in WebKit: its kind decides which line may end it. */
export type StepEndKind = 'frame' | 'beacon';

const BEACON_LINE = /^CONSOLE NETWORK ERROR Beacon API cannot load (\S+?)\.?(?: |$)/;
const CORP_URL = /^Cancelled load to (\S+) because /;

/** The URL a line says WebKit refused for a step of `kind`, if it names one of the step's (`marker`: its run id). */
export function stepEndUrl(kind: StepEndKind, line: string, marker: string): string | null {
  const url = kind === 'beacon'
    ? BEACON_LINE.exec(line)?.[1]
    : readWebKitConsole(line)?.reason === 'WebKitResourcePolicy'
      ? CORP_URL.exec(line.slice(SECURITY_LINE.length))?.[1]
      : undefined;
  return url !== undefined && marker !== '' && url.includes(marker) ? url : null;
}
