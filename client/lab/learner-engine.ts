/**
 * Which engine runs the learner's browser, so the playground can show the console line that browser prints:
 * Chromium (Chrome, Edge, Opera, Brave, Samsung Internet...), Firefox (Gecko), WebKit (Safari, and every browser
 * on iOS, which must use WebKit), or unknown. Read from what the engine itself provides (feature detection);
 * the user-agent string is only a fallback, because any browser may claim any other's.
 */
import type { EngineName } from '../../format/engine-names.ts';

export type LearnerEngine = EngineName | 'unknown';

/** Each engine as people name it (in every language: names are not translated). */
export const ENGINE_TITLES: Readonly<Record<EngineName, string>> = {
  chromium: 'Chromium',
  firefox: 'Firefox',
  webkit: 'WebKit',
};

/** What a page can see of its browser, as detectEngine reads it (pageClues fills it from the page). */
export interface EngineClues {
  /** Gecko's Window.mozInnerScreenX: https://developer.mozilla.org/en-US/docs/Web/API/Window/mozInnerScreenX */
  mozInnerScreenX: boolean;
  /**
   * V8's Intl.v8BreakIterator: V8 runs in Blink browsers only (Chrome on iOS runs JavaScriptCore, so it has none).
   * https://chromium.googlesource.com/v8/v8/+/refs/heads/main/src/objects/js-break-iterator.h
   */
  v8BreakIterator: boolean;
  /**
   * WebKit's GestureEvent (Safari on macOS and iOS, every iOS browser):
   * https://developer.mozilla.org/en-US/docs/Web/API/GestureEvent
   */
  gestureEvent: boolean;
  /** navigator.vendor: every WebKit port (Safari, WebKitGTK's Epiphany) says "Apple Computer, Inc.". */
  vendor: string;
  userAgent: string;
}

const APPLE = 'Apple Computer, Inc.';

/** The fallback: the user agent's product tokens. iOS first: there Chrome (CriOS) and Firefox (FxiOS) are WebKit. */
function engineFromUserAgent(userAgent: string): LearnerEngine {
  if (/\b(iPhone|iPad|iPod)\b/.test(userAgent)) return 'webkit';
  if (/\bFirefox\//.test(userAgent)) return 'firefox';
  if (/\b(Chrome|Chromium|HeadlessChrome|Edg|OPR)\//.test(userAgent)) return 'chromium';
  if (/\bAppleWebKit\//.test(userAgent) && /\bSafari\//.test(userAgent)) return 'webkit';
  return 'unknown';
}

export function detectEngine(clues: EngineClues): LearnerEngine {
  if (clues.mozInnerScreenX) return 'firefox';
  if (clues.v8BreakIterator) return 'chromium';
  if (clues.gestureEvent || clues.vendor === APPLE) return 'webkit';
  return engineFromUserAgent(clues.userAgent);
}

/** Whether this page runs in V8, which only Blink browsers use (a first, cheap sign of Chromium; detectEngine's). */
export function runsV8(): boolean {
  return 'v8BreakIterator' in Intl;
}

/** The clues of the page this runs in. */
export function pageClues(): EngineClues {
  return {
    mozInnerScreenX: 'mozInnerScreenX' in window,
    v8BreakIterator: runsV8(),
    gestureEvent: 'GestureEvent' in window,
    vendor: navigator.vendor ?? '',
    userAgent: navigator.userAgent,
  };
}
