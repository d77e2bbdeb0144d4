/** Header maps as editable text, one `Name: value` line each (a repeated name makes an array). */
import { msg, str } from '@lit/localize';
import type { HeaderMap } from '../../format/headers.ts';

export function headersToText(headers: HeaderMap | undefined): string {
  return Object.entries(headers ?? {})
    .flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => `${name}: ${v}`))
    .join('\n');
}

/** Parses the text; a line without a colon is reported with its number. */
export function textToHeaders(text: string): { headers: HeaderMap; problems: string[] } {
  const headers: HeaderMap = {};
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      problems.push(msg(str`line ${i + 1}: "${line}" is not "Name: value"`, { id: 'editor.problem.header-line' }));
      return;
    }
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).replace(/^ /, '');
    const existing = headers[name];
    headers[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  });
  return { headers, problems };
}

/** The 1-based number of the first line that names `name` (as typed, before the colon), or null. */
export function headerLineNumber(text: string, name: string): number | null {
  const index = text.split('\n').findIndex((line) => line.indexOf(':') > 0 && line.slice(0, line.indexOf(':')).trim() === name);
  return index < 0 ? null : index + 1;
}

/** Ready-made answers for the server plan. */
export const ANSWER_PRESETS = {
  'no CORS headers': {},
  'wildcard *': { 'Access-Control-Allow-Origin': '*' },
  'exact origin': { 'Access-Control-Allow-Origin': '{page}', Vary: 'Origin' },
  'exact origin + credentials': { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' },
  'reflect any origin': { 'Access-Control-Allow-Origin': '{reflect}', 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' },
} as const satisfies Record<string, HeaderMap>;
export type AnswerPreset = keyof typeof ANSWER_PRESETS;

export function isAnswerPreset(name: string): name is AnswerPreset {
  return Object.hasOwn(ANSWER_PRESETS, name);
}
