/**
 * The forms a request-target takes (RFC 9112 3.2): origin-form (`/path?q`),
 * what browsers send a server; absolute-form (`http://host:port/path`), what
 * clients send a proxy and a server must accept, its authority winning over
 * the Host header; asterisk-form (`*`, OPTIONS about the server as a whole)
 * and authority-form (CONNECT's `host:port`), which ask nothing the lab
 * serves. The lab routes on the origin-form and checks the host it names.
 * https://httpwg.org/specs/rfc9112.html#request.target
 * https://httpwg.org/specs/rfc9112.html#absolute-form
 */

export type RequestTarget =
  /** `host`: the authority of an absolute-form target (it replaces Host); null for origin-form. */
  | { kind: 'target'; path: string; host: string | null }
  | { kind: 'refused'; message: string };

/** `http://authority` then path-abempty and an optional query: RFC 3986 3.2 (userinfo refused below). */
const ABSOLUTE_FORM = /^http:\/\/([^/?#]*)([^#]*)$/i;

export function requestTarget(raw: string): RequestTarget {
  if (raw.startsWith('/')) return { kind: 'target', path: raw, host: null };
  if (raw === '*') {
    const message = 'the asterisk-form target "*" asks about the server as a whole (OPTIONS *): the lab answers only paths';
    return { kind: 'refused', message };
  }
  const absolute = ABSOLUTE_FORM.exec(raw);
  if (!absolute) {
    const shown = JSON.stringify(raw.slice(0, 100));
    return { kind: 'refused', message: `the request target ${shown} is neither a path ("/...") nor an absolute http URL` };
  }
  const [, authority = '', rest = ''] = absolute;
  // A user name in an http URI is deprecated and a known phishing vector:
  // https://httpwg.org/specs/rfc9110.html#http.userinfo
  if (authority.includes('@')) {
    return { kind: 'refused', message: 'the request target names a user (user@host): http URLs carry no user information' };
  }
  if (authority === '') return { kind: 'refused', message: 'the absolute-form request target has no host' };
  return { kind: 'target', path: rest.startsWith('/') ? rest : `/${rest}`, host: authority };
}
