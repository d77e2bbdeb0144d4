import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  WEBKIT_REASONS, WEBKIT_SENTENCES, isWebKitReason, webkitSentence,
} from '../../format/webkit-sentences.ts';
import { validateExperiments } from '../../format/validate.ts';
import { readWebKitConsole } from './webkit-reasons.ts';

/** Lines as WebKitGTK 2.50.6 prints them (the sentences seen in the catalog run; hosts and ports shortened). */
const MEASURED: Array<[string, string]> = [
  ['CONSOLE SECURITY ERROR Origin http://localhost:5310 is not allowed by Access-Control-Allow-Origin. '
    + 'Status code: 200',
    'WebKitAllowOriginNotAllowed'],
  ['CONSOLE SECURITY ERROR Origin null is not allowed by Access-Control-Allow-Origin. Status code: 204',
    'WebKitAllowOriginNotAllowed'],
  ['CONSOLE SECURITY ERROR Access-Control-Allow-Origin cannot contain more than one origin.',
    'WebKitMultipleAllowOrigins'],
  ['CONSOLE SECURITY ERROR Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.',
    'WebKitWildcardWithCredentials'],
  ['CONSOLE SECURITY ERROR Credentials flag is true, but Access-Control-Allow-Credentials is not "true".',
    'WebKitAllowCredentialsNotTrue'],
  ['CONSOLE SECURITY ERROR Preflight response is not successful. Status code: 404', 'WebKitPreflightNotSuccessful'],
  ['CONSOLE SECURITY ERROR Method PUT is not allowed by Access-Control-Allow-Methods.', 'WebKitMethodNotAllowed'],
  ['CONSOLE SECURITY ERROR Request header field x-test is not allowed by Access-Control-Allow-Headers.',
    'WebKitHeaderNotAllowed'],
  ['CONSOLE SECURITY ERROR Cross-origin redirection to data:text/plain,hi denied by Cross-Origin Resource Sharing '
    + 'policy: not allowed to follow a cross-origin CORS redirection with non CORS scheme', 'WebKitRedirectDenied'],
  ['CONSOLE SECURITY ERROR Not allowed to follow a redirection while loading http://localhost:5311/x',
    'WebKitRedirectNotAllowed'],
  ["CONSOLE SECURITY ERROR Cancelled load to http://localhost:5311/x because it violates the resource's "
    + 'Cross-Origin-Resource-Policy response header.', 'WebKitResourcePolicy'],
];

describe('WebKit console lines', () => {
  it.each(MEASURED)('reads %s', (line, reason) => {
    expect(readWebKitConsole(line)).toEqual({ reason, line });
  });

  it('reads only security errors: a page cannot pass its own console text off as a reason', () => {
    const sentence = 'Origin http://localhost:5310 is not allowed by Access-Control-Allow-Origin. Status code: 200';
    expect(readWebKitConsole(`CONSOLE JS ERROR ${sentence}`)).toBeNull();
    expect(readWebKitConsole(`CONSOLE CONSOLE-API LOG ${sentence}`)).toBeNull();
    const jsLine = 'CONSOLE JS ERROR Fetch API cannot load http://localhost:5311/ due to access control checks.';
    expect(readWebKitConsole(jsLine)).toBeNull();
  });

  it('reads no unknown security sentence, and no sentence with words around it', () => {
    const csp = 'CONSOLE SECURITY ERROR Refused to load http://x/ because it does not appear in CSP.';
    expect(readWebKitConsole(csp)).toBeNull();
    const longer = 'CONSOLE SECURITY ERROR Method PUT is not allowed by Access-Control-Allow-Methods. Really.';
    expect(readWebKitConsole(longer)).toBeNull();
  });

  it('writes each sentence so that it reads back as its own id', () => {
    for (const reason of WEBKIT_REASONS) {
      const values = { origin: 'http://localhost:5310', status: 200, method: 'PUT', header: 'x-test', value: 'a b',
        url: 'http://localhost:5311/x', why: 'redirection URL http://u:p@localhost:5312/ has credentials' };
      const sentence = webkitSentence(reason, values);
      expect(sentence).not.toMatch(/\{\w+\}/);
      expect(readWebKitConsole(`CONSOLE SECURITY ERROR ${sentence}`)?.reason).toBe(reason);
    }
  });

  it('knows its ids and no others', () => {
    expect(WEBKIT_REASONS).toHaveLength(Object.keys(WEBKIT_SENTENCES).length);
    expect(isWebKitReason('WebKitMethodNotAllowed')).toBe(true);
    expect(isWebKitReason('MethodDisallowedByPreflightResponse')).toBe(false);
    expect(isWebKitReason('toString')).toBe(false);
  });
});

describe('the README', () => {
  it('lists every WebKit sentence under its id, and no other', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.split(/^## /m).find((part) => part.startsWith('WebKit: its sentences')) ?? '';
    const rows = [...section.matchAll(/^\| `(\w+)` \| (.+) \|$/gm)].map((row) => [row[1], row[2]]);
    expect(Object.fromEntries(rows)).toEqual(WEBKIT_SENTENCES);
  });
});

describe('expect.engines.webkit', () => {
  const withReason = (reason: string) => ({
    id: 'x', title: 'x', group: 'simple', request: { target: 'api' }, expect: { engines: { webkit: { reason } } },
  });

  it('takes a WebKit id as the reason', () => {
    expect(validateExperiments(withReason('WebKitAllowOriginNotAllowed'), 'x.json')[0]?.expect?.engines?.webkit)
      .toEqual({ reason: 'WebKitAllowOriginNotAllowed' });
  });

  it('refuses a name WebKit has no sentence for, naming the field and the table', () => {
    expect(() => validateExperiments(withReason('MissingAllowOriginHeader'), 'x.json'))
      .toThrow(/expect\.engines\.webkit\.reason.*unknown webkit reason "MissingAllowOriginHeader".*README/);
  });
});
