/**
 * Format 1.2's form and beacon as the schema checks them: a page chooses only their method and Content-Type,
 * so anything else is refused with the file and the JSON path; a good one goes through as written.
 */
import { describe, expect, it } from 'vitest';
import { validateExperiments } from './validate.ts';
import { refusals } from '../test/schema-refusals.ts';
import { formFields } from './form-and-beacon.ts';

const base = { id: 'x', title: 'x', group: 'csrf' };

const problems = (data: unknown): string[] => refusals(data, 'csrf.json');

describe('format 1.2 form and beacon fields', () => {
  it('accepts a text/plain form POST, a beacon with a Blob type and a body but no method, and acceptOrigins', () => {
    const experiments = [
      { ...base, page: 'evil', request: { api: 'form', target: 'api', method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'a=1' } },
      { ...base, id: 'y', request: { api: 'beacon', target: 'api', headers: { 'Content-Type': 'application/json' }, body: '{}' } },
      { ...base, id: 'z', request: { api: 'form', target: 'api', method: 'post' }, server: { acceptOrigins: ['{page}', '{origin:api2}'] }, expect: { serverStatus: 403 } },
    ];
    expect(validateExperiments(experiments, 'csrf.json')).toEqual(experiments);
  });

  it('refuses a form method other than GET and POST, naming the field', () => {
    expect(problems({ ...base, request: { api: 'form', target: 'api', method: 'PUT' } })).toEqual([
      'csrf.json: request.method: a form submits with GET or POST, not "PUT"',
    ]);
  });

  it('refuses an enctype a form cannot have', () => {
    expect(problems({ ...base, request: { api: 'form', target: 'api', method: 'POST', headers: { 'content-type': 'application/json' } } })).toEqual([
      'csrf.json: request.headers["content-type"]: a form\'s Content-Type is its enctype: one of application/x-www-form-urlencoded, multipart/form-data, text/plain, not "application/json"',
    ]);
  });

  // A page cannot set these on a form or a beacon: an experiment that did would describe a request no browser sends.
  for (const name of ['X-Token', 'Authorization', 'Origin']) {
    it(`refuses the request header ${name} on a form and on a beacon`, () => {
      for (const api of ['form', 'beacon']) {
        expect(problems({ ...base, request: { api, target: 'api', headers: { [name]: 'x' } } })).toEqual([
          `csrf.json: request.headers${/^\w+$/.test(name) ? `.${name}` : `["${name}"]`}: a ${api} cannot send "${name}": its only request header is Content-Type`,
        ]);
      }
    });
  }

  it('refuses a beacon method other than POST, its own or a then step\'s, but not one a then step inherits', () => {
    expect(problems({ ...base, request: { api: 'beacon', target: 'api', method: 'GET' } })).toEqual([
      'csrf.json: request.method: sendBeacon always sends POST, not "GET": leave method out or write "POST"',
    ]);
    expect(problems({ ...base, request: { target: 'api', method: 'GET' }, then: [{ request: { api: 'beacon', method: 'PUT' } }] })).toEqual([
      'csrf.json: then[0].request.method: sendBeacon always sends POST, not "PUT": leave method out or write "POST"',
    ]);
    // A fetch GET that stores a cookie, then a beacon: the beacon POSTs (resolveRequest), nothing to refuse.
    expect(problems({ ...base, request: { target: 'api', method: 'GET' }, then: [{ request: { api: 'beacon' } }] })).toEqual([]);
  });

  it('refuses redirects of a form or a beacon, and a form on the sandboxed page', () => {
    expect(problems({ ...base, request: { api: 'beacon', target: 'api' }, server: { redirects: [{ to: 'api2' }] } })).toEqual([
      'csrf.json: request: the lab does not model redirects of a beacon: remove server.redirects',
    ]);
    expect(problems({ ...base, page: 'null', request: { api: 'form', target: 'api' } })).toEqual([
      'csrf.json: request: a sandboxed ("null") page may not submit forms or open popups: use a named page',
    ]);
  });

  it('refuses an acceptOrigins token that names no origin, and a list too long', () => {
    expect(problems({ ...base, request: { target: 'api' }, server: { acceptOrigins: ['{origin:apii}'] } })[0]).toMatch(/^csrf\.json: server\.acceptOrigins\[0\]: .*apii/);
    expect(problems({ ...base, request: { target: 'api' }, server: { acceptOrigins: Array.from({ length: 17 }, () => '{page}') } })).toEqual([
      'csrf.json: server.acceptOrigins: acceptOrigins lists at most 16 origins',
    ]);
  });
});

describe('formFields', () => {
  it('splits on & and at the first =, decoding nothing, so a text/plain field name can hold JSON', () => {
    expect(formFields('a=1&b=x=y&c')).toEqual([['a', '1'], ['b', 'x=y'], ['c', '']]);
    expect(formFields('{"to":"evil","pad":"=x"}')).toEqual([['{"to":"evil","pad":"', 'x"}']]);
    expect(formFields(null)).toEqual([]);
  });
});
