/**
 * The title of an edited experiment, written from its setup. The catalog's
 * title names the original ("... is blocked") and may say the opposite of
 * what the edited one does; a title built from the request says only what
 * was set up, never the outcome, so it stays true after any edit.
 */
import { msg, str } from '@lit/localize';
import type { Draft } from './editor-draft.ts';
import { textToHeaders } from './header-text.ts';

type Setup = Pick<Draft, 'page' | 'target' | 'method' | 'path' | 'credentials' | 'requestHeaders'>;

export function editedTitle(setup: Setup): string {
  const request = `${setup.method} ${setup.target}${setup.path}`;
  const base = msg(str`Edited: ${request} from ${setup.page}`, { id: 'editor.edited-title' });
  // The editor's own parse: names in the order typed, each once (`X-Custom, X-Another`).
  const names = Object.keys(textToHeaders(setup.requestHeaders).headers);
  const listed = names.join(', ');
  const withHeaders = names.length ? msg(str`${base}, with ${listed}`, { id: 'editor.edited-title-headers' }) : base;
  if (setup.credentials !== 'include') return withHeaders;
  return msg(str`${withHeaders}, credentials included`, { id: 'editor.edited-title-credentials' });
}
