/**
 * Reads WebKit's console lines: WebKit writes a CORS failure as `CONSOLE SECURITY ERROR <sentence>`
 * (format/webkit-sentences.ts holds the sentences and their ids). A sentence names no URL, so the driver
 * attributes it to the one step that ran (webkit-browser.ts).
 */
import {
  SECURITY_LINE, WEBKIT_REASONS, WEBKIT_SENTENCES, type WebKitReason,
} from '../../format/webkit-sentences.ts';

/** `{placeholder}` → a lazy match; everything else literal; the whole sentence must match. */
function sentencePattern(sentence: string): RegExp {
  const parts = sentence.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('(.+?)')}$`);
}

const PATTERNS = WEBKIT_REASONS.map((reason) => ({ reason, pattern: sentencePattern(WEBKIT_SENTENCES[reason]) }));

export interface WebKitConsoleReason {
  reason: WebKitReason;
  /** The line as WebKit printed it. */
  line: string;
}

/**
 * Reads one console line WebKit printed: a known CORS sentence after `CONSOLE SECURITY ERROR `, or null.
 * Only the security source counts: a page's own console calls are printed as `CONSOLE JS` or
 * `CONSOLE CONSOLE-API` lines, so page script cannot pass its text off as WebKit's verdict in one line.
 */
export function readWebKitConsole(line: string): WebKitConsoleReason | null {
  if (!line.startsWith(SECURITY_LINE)) return null;
  const sentence = line.slice(SECURITY_LINE.length).trimEnd();
  const found = PATTERNS.find(({ pattern }) => pattern.test(sentence));
  return found ? { reason: found.reason, line: line.trimEnd() } : null;
}

