/**
 * The title of an edited experiment, written from its setup. The catalog's
 * title names the original ("... is blocked") and may say the opposite of
 * what the edited one does; a title built from the request says only what
 * was set up, never the outcome, so it stays true after any edit.
 */
import { msg, str } from '@lit/localize';
import type { Draft } from './editor-draft.ts';

type Setup = Pick<Draft, 'page' | 'target' | 'method' | 'path' | 'credentials' | 'requestHeaders'>;

/** The request header names, in the order typed: `X-Custom, X-Another`. */
function headerNames(text: string): string[] {
  const names = text.split('\n').map((line) => line.split(':')[0]?.trim() ?? '').filter(Boolean);
  return [...new Set(names)];
}

export function editedTitle(setup: Setup): string {
  const request = `${setup.method} ${setup.target}${setup.path}`;
  const base = msg(str`Edited: ${request} from ${setup.page}`, { id: 'editor.edited-title' });
  const names = headerNames(setup.requestHeaders);
  const listed = names.join(', ');
  const withHeaders = names.length ? msg(str`${base}, with ${listed}`, { id: 'editor.edited-title-headers' }) : base;
  if (setup.credentials !== 'include') return withHeaders;
  return msg(str`${withHeaders}, credentials included`, { id: 'editor.edited-title-credentials' });
}
