/**
 * Text from the network or from a plan, made safe to print: a terminal acts on
 * control characters (ESC starts CSI and OSC sequences, e.g. OSC 52 writes the
 * clipboard; U+009B is CSI on its own; CR and BS overwrite what was printed),
 * and bidi overrides reorder what the reader sees (CVE-2021-42574). Each such
 * character is written as visible `\uXXXX` text instead. Every reporter of the
 * CLI (table, GitHub, JUnit, JSON, scan, probe) passes its strings through here.
 * https://invisible-island.net/xterm/ctlseqs/ctlseqs.html
 */

/** C0 (without tab and line feed), DEL, C1, and the bidi marks, embeddings, overrides and isolates. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same, with tab and line feed: for one field that must stay on one line (a header value, a status text). */
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The `\uXXXX` escape of one UTF-16 unit, as JSON and JavaScript write it. */
export function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Text of several lines: line feeds and tabs kept, every other control character escaped. */
export function printableText(text: string): string {
  return text.replace(CONTROL, unicodeEscape);
}

/** One field on one line: line breaks and tabs escaped too, so a value cannot fake a line of the report. */
export function printableLine(text: string): string {
  return text.replace(CONTROL_OR_BREAK, unicodeEscape);
}

/**
 * JSON.stringify escapes C0 in strings but writes DEL, C1 and the bidi
 * controls raw (https://tc39.es/ecma262/#sec-quotejsonstring). They can only
 * occur inside strings, where `\uXXXX` means the same character, so the
 * parsed value is unchanged.
 */
export function printableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`.replace(CONTROL, unicodeEscape);
}
