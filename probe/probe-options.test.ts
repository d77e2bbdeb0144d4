import { describe, expect, it } from 'vitest';
import { ProbeInputError, probeRequest, type ProbeOptions } from './probe-options.ts';

const base = { url: 'http://127.0.0.1:8080/items', origin: 'http://localhost:3000' };

function refusal(options: ProbeOptions): { field: string; message: string } {
  try {
    probeRequest(options);
  } catch (error) {
    if (error instanceof ProbeInputError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('accepted');
}

describe('probeRequest', () => {
  it('fills the defaults and normalizes URL and origin', () => {
    expect(probeRequest({ url: 'http://127.0.0.1:8080/items#top', origin: 'http://LOCALHOST:3000/' })).toEqual({
      url: 'http://127.0.0.1:8080/items',
      origin: 'http://localhost:3000',
      method: 'GET',
      headers: [],
      body: null,
      credentials: 'same-origin',
      mode: 'cors',
      cookies: [],
      insecure: false,
      then: [],
    });
  });

  it('takes origin null (a sandboxed iframe), cookies, insecure and then steps', () => {
    const request = probeRequest({
      ...base,
      origin: 'null',
      method: 'PUT',
      headers: { 'X-A': '1' },
      credentials: 'include',
      cookies: ['sid=abc', 'q="quoted"'],
      insecure: true,
      then: [{}, { method: 'DELETE', headers: [] }],
    });
    expect([request.origin, request.cookies, request.insecure]).toEqual(['null', [['sid', 'abc'], ['q', '"quoted"']], true]);
    expect(request.then).toEqual([
      { method: 'PUT', headers: [['X-A', '1']] },
      { method: 'DELETE', headers: [] },
    ]);
  });

  it('a same-origin request sends cookies with the default credentials', () => {
    expect(probeRequest({ url: 'http://127.0.0.1:8080/x', origin: 'http://127.0.0.1:8080', cookies: ['a=1'] }).cookies).toEqual([['a', '1']]);
  });

  it('accepts what a no-cors request may send', () => {
    expect(probeRequest({ ...base, mode: 'no-cors', method: 'post', headers: { 'Content-Type': 'text/plain', Accept: 'x' } }).mode).toBe('no-cors');
  });

  it('keeps headers given as an object or as repeated lines', () => {
    expect(probeRequest({ ...base, headers: { 'X-A': '1' } }).headers).toEqual([['X-A', '1']]);
    expect(probeRequest({ ...base, headers: [['X-A', '1'], ['X-A', '2']] }).headers).toEqual([['X-A', '1'], ['X-A', '2']]);
  });

  const BAD: Array<[string, ProbeOptions, string, string]> = [
    ['a relative URL', { ...base, url: '/items' }, 'url', 'not an absolute URL'],
    ['a file URL', { ...base, url: 'file:///etc/passwd' }, 'url', 'only http and https URLs'],
    ['an origin without a scheme', { ...base, origin: 'localhost:3000' }, 'origin', 'no scheme in "localhost:3000" (did you mean "http://localhost:3000"?)'],
    ['a URL without a scheme', { ...base, url: '127.0.0.1:8080/items' }, 'url', 'did you mean "http://127.0.0.1:8080/items"?'],
    ['a cookie without a name', { ...base, credentials: 'include', cookies: ['=1'] }, 'cookies', "expected 'name=value'"],
    ['a cookie value with a space', { ...base, credentials: 'include', cookies: ['a=b c'] }, 'cookies', 'invalid value of cookie a: "b c"'],
    ['a cookie with a CR', { ...base, credentials: 'include', cookies: ['a=b\r\nX: 1'] }, 'cookies', 'invalid value of cookie a'],
    ['a cross-origin cookie with credentials omit', { ...base, credentials: 'omit', cookies: ['a=1'] }, 'cookies', 'credentials "include" (got "omit")'],
    ['insecure as a string', { ...base, insecure: 'yes' as unknown as boolean }, 'insecure', 'expected true or false, got "yes"'],
    ['a then step with a bad method', { ...base, then: [{ method: 'GE T' }] }, 'then', 'a method is a token'],
    ['a then step with a forbidden header', { ...base, then: [{ headers: { Cookie: 'a=1' } }] }, 'then', 'Cookie is a forbidden request header'],
    ['a Cookie header', { ...base, headers: { Cookie: 'a=1' } }, 'headers', 'set cookies with cookies (--cookie'],
    ['an origin with a path', { ...base, origin: 'http://localhost:3000/app' }, 'origin', 'did you mean "http://localhost:3000"'],
    ['an origin with a user', { ...base, origin: 'http://me@localhost:3000' }, 'origin', 'no path, query or user'],
    ['a method with a space', { ...base, method: 'GE T' }, 'method', 'a method is a token'],
    ['a forbidden method', { ...base, method: 'TRACE' }, 'method', 'TRACE is a forbidden method'],
    ['a header value with a newline', { ...base, headers: { 'X-A': 'a\r\nInjected: 1' } }, 'headers', 'CR and LF are not allowed'],
    ['a forbidden header', { ...base, headers: { Origin: 'http://evil.example' } }, 'headers', 'Origin is a forbidden request header'],
    ['a body on HEAD', { ...base, method: 'head', body: 'x' }, 'body', 'a HEAD request cannot have a body'],
    ['unknown credentials', { ...base, credentials: 'always' as 'omit' }, 'credentials', 'expected one of omit, same-origin, include'],
    ['an unknown mode', { ...base, mode: 'navigate' as 'cors' }, 'mode', 'expected one of cors, no-cors, same-origin'],
    ['a URL with user and password', { ...base, url: 'http://user:pass@127.0.0.1:8080/items' }, 'url', 'a URL with a user name or password (user:pass@) cannot be fetched'],
    ['a URL with a user only', { ...base, url: 'http://user@127.0.0.1:8080/items' }, 'url', 'user:pass@'],
    ['PUT in mode no-cors', { ...base, mode: 'no-cors', method: 'PUT' }, 'method', 'PUT is not allowed with mode no-cors: a no-cors request may only be GET, HEAD or POST'],
    ['a custom header in mode no-cors', { ...base, mode: 'no-cors', headers: { 'X-Token': '1' } }, 'headers', 'X-Token cannot be sent with mode no-cors'],
    ['a JSON Content-Type in mode no-cors', { ...base, mode: 'no-cors', method: 'POST', headers: { 'Content-Type': 'application/json' } }, 'headers', 'Content-Type cannot be sent with mode no-cors'],
  ];
  for (const [name, options, field, message] of BAD) {
    it(`refuses ${name}, naming the field`, () => {
      const found = refusal(options);
      expect(found.field).toBe(field);
      expect(found.message).toContain(message);
    });
  }

  it('refuses an unknown browser, naming the engines', () => {
    const browser = 'safari' as unknown as ProbeOptions['browser'];
    const message = 'unknown engine "safari" (chromium, firefox, webkit)';
    expect(refusal({ ...base, browser })).toEqual({ field: 'browser', message });
    expect(probeRequest({ ...base, browser: 'webkit' }).url).toBe('http://127.0.0.1:8080/items');
  });
});
