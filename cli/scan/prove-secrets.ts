/**
 * What `scan --prove` prints of the answer the attacker page read: enough to
 * see that it is the user's data, not the secrets themselves (a report gets
 * pasted into tickets and CI logs). Redacted unless `--show-secrets`:
 *   - values of fields whose name says secret (`"token": "..."`, `session=...`);
 *   - long random-looking runs (keys, JWTs, session ids);
 *   - the cookie values the user gave.
 * Redaction runs on the whole text before it is cut, so a secret is never half shown.
 */
import { printableLine } from '../../format/terminal-text.ts';

/** How much of the answer the report shows. */
export const SHOWN_CHARACTERS = 200;
export const REDACTED = '[redacted]';

const SECRET_WORDS = 'token|secret|password|passwd|session|sid|api[_-]?key|auth\\w*|credential|cookie|ssn|card';
const SECRET_NAME = String.raw`[\w-]*(?:${SECRET_WORDS})[\w-]*`;
/** The value after a secret-sounding name: `"token": "abc"`, `"secret": 42` (JSON); `token=abc`, `token: abc`. */
const NAMED_JSON = new RegExp(String.raw`("${SECRET_NAME}"\s*:\s*)(?:"(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*)`, 'gi');
const NAMED_TEXT = new RegExp(String.raw`(\b${SECRET_NAME}\s*[=:]\s*)([^\s&;,"<]+)`, 'gi');
/** 20 or more characters of a key alphabet holding both letters and digits: how generated secrets look. */
const RANDOM_RUN = /[A-Za-z0-9_\-+/=.]{20,}/g;
const looksRandom = (run: string): boolean => /[A-Za-z]/.test(run) && /\d/.test(run);

/** The values of `name=value; name2=value2`. */
export const cookieValues = (cookie: string | undefined): string[] =>
  (cookie ?? '')
    .split(';')
    .map((pair) => pair.slice(pair.indexOf('=') + 1).trim())
    .filter((value) => value.length >= 4);

export function redactSecrets(text: string, known: readonly string[]): string {
  let out = text;
  for (const value of known) out = out.split(value).join(REDACTED);
  return out
    .replace(NAMED_JSON, `$1"${REDACTED}"`)
    .replace(NAMED_TEXT, `$1${REDACTED}`)
    .replace(RANDOM_RUN, (run) => (looksRandom(run) ? REDACTED : run));
}

/** The part of the answer a report shows: redacted unless asked, cut, and safe for a terminal. */
export function shownText(text: string, options: { showSecrets: boolean; cookie?: string }): string {
  const visible = options.showSecrets ? text : redactSecrets(text, cookieValues(options.cookie));
  const cut = visible.length > SHOWN_CHARACTERS ? `${visible.slice(0, SHOWN_CHARACTERS)}...` : visible;
  return printableLine(cut);
}
