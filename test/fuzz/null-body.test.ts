/**
 * 204, 205 and 304 carry no body (RFC 9110 §15.3.5, §15.3.6, §15.4.5): the
 * lab never writes one after them, on its own answers or through a real
 * middleware, so a keep-alive connection never takes body bytes for the next
 * response; a plan asking for such a body is refused, naming the field; and
 * a response the middleware answers carries one Content-Length, the server's.
 */
import { describe, expect, it } from 'vitest';
import { validateExperiments } from '../../format/validate.ts';
import { toBase64Url } from '../../plan/plan-url.ts';
import { PLAN_PREFIX } from '../../plan/routes.ts';
import { rawExchange, requestBytes } from './raw-client.ts';
import { suiteLab } from './suite-lab.ts';

const STATUSES = [204, 205, 304] as const;
const MIDDLEWARE = [undefined, { name: 'hono/cors' }, { name: 'cors' }] as const;

describe('null-body statuses on the wire', () => {
  const suite = suiteLab();

  const target = (server: unknown): string => `${PLAN_PREFIX}nb/0/${toBase64Url(JSON.stringify({ p: 'app', s: server }))}/`;

  for (const status of STATUSES) {
    for (const middleware of MIDDLEWARE) {
      const label = `${status}${middleware ? ` behind ${middleware.name}` : ''}`;
      it(`${label}: no body, and the next response on the connection starts right after the head`, async () => {
        const first = requestBytes('GET', target({ actual: { status }, ...(middleware ? { middleware } : {}) }), `localhost:${suite.port}`, ['Origin: http://localhost:1']).replace('Connection: close\r\n', '');
        const second = requestBytes('GET', '/__lab/origins', `localhost:${suite.port}`);
        const { text } = await rawExchange(suite.port, [first + second]);
        const end = text.indexOf('\r\n\r\n');
        expect(text.slice(0, end)).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
        expect(text.slice(end + 4)).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      });

      it(`${label} on the raw-packet path: nothing after the head`, async () => {
        const { text } = await rawExchange(suite.port, [requestBytes('CHICKEN', target({ actual: { status }, ...(middleware ? { middleware } : {}) }), `localhost:${suite.port}`, ['Origin: http://localhost:1'])]);
        expect(text).toMatch(new RegExp(`^HTTP/1\\.1 ${status} [^]*\\r\\n\\r\\n$`));
      });
    }

    it(`a plan asking for a body with ${status} gets a 400 naming server.actual.body`, async () => {
      const { text } = await rawExchange(suite.port, [requestBytes('GET', target({ actual: { status, body: 'hello' } }), `localhost:${suite.port}`)]);
      expect(text).toMatch(/^HTTP\/1\.1 400 /);
      expect(text).toContain('"field":"server.actual.body"');
    });
  }

  it('an Express cors preflight carries one Content-Length, the server\u2019s', async () => {
    const { text } = await rawExchange(suite.port, [
      requestBytes('OPTIONS', target({ middleware: { name: 'cors' } }), `localhost:${suite.port}`, ['Origin: http://localhost:1', 'Access-Control-Request-Method: PUT']),
    ]);
    expect(text.match(/\r\ncontent-length:/gi)).toHaveLength(1);
  });
});

describe('the schema refuses a body with a null-body status', () => {
  for (const status of STATUSES) {
    it(`${status} with a body: refused at server.actual.body and server.preflight.body`, () => {
      for (const where of ['actual', 'preflight']) {
        const experiment = { id: 'x', title: 'x', group: 'simple', page: 'app', request: { target: 'api' }, server: { [where]: { status, body: 'x' } } };
        expect(() => validateExperiments(experiment, 'plans.json')).toThrow(`plans.json: server.${where}.body: a ${status} response has no body`);
      }
    });
  }
});
