/**
 * Format 1.2's socket fields as the schema checks them: `server.websocket` and the socket APIs' requests.
 * A bad one is refused with the file and the JSON path; a good one goes through as written.
 */
import { describe, expect, it } from 'vitest';
import { MAX_SOCKET_ACCEPT_ORIGINS } from './limits.ts';
import { validateExperiments } from './validate.ts';
import { refusals } from '../test/schema-refusals.ts';

const base = { id: 'x', title: 'x', group: 'websocket', request: { target: 'api', api: 'websocket' } };

const problems = (data: unknown): string[] => refusals(data, 'socket.json');

describe('format 1.2 socket fields', () => {
  it('accepts a websocket with acceptOrigins or "any", and an eventsource with credentials', () => {
    for (const websocket of [{ acceptOrigins: ['{page}', '{origin:partner}', 'http://o.example'] }, 'any']) {
      const experiment = { ...base, server: { websocket }, expect: { outcome: 'allowed', opened: true } };
      expect(validateExperiments(experiment, 'socket.json')).toEqual([experiment]);
    }
    const stream = { ...base, group: 'eventsource', request: { target: 'api', api: 'eventsource', credentials: 'include' } };
    expect(validateExperiments(stream, 'socket.json')).toEqual([stream]);
  });

  for (const websocket of ['all', true, { acceptOrigins: 'app' }, { acceptOrigins: ['{page}'], extra: 1 }]) {
    it(`refuses server.websocket ${JSON.stringify(websocket)}, naming the field and its shapes`, () => {
      expect(problems({ ...base, server: { websocket } })).toEqual([
        expect.stringMatching(/^socket\.json: server\.websocket(\.acceptOrigins)?: /),
      ]);
    });
  }

  it('names an unknown origin token and bounds the list', () => {
    expect(problems({ ...base, server: { websocket: { acceptOrigins: ['{origin:nobody}'] } } })[0]).toMatch(
      /^socket\.json: server\.websocket\.acceptOrigins\[0\]: .*nobody/,
    );
    const many = Array.from({ length: MAX_SOCKET_ACCEPT_ORIGINS + 1 }, (_, i) => `http://o${i}.example`);
    expect(problems({ ...base, server: { websocket: { acceptOrigins: many } } })).toEqual([
      `socket.json: server.websocket.acceptOrigins: acceptOrigins lists at most ${MAX_SOCKET_ACCEPT_ORIGINS} origins`,
    ]);
  });

  // new WebSocket(url) and new EventSource(url) choose neither method nor headers: a file that says otherwise is wrong.
  for (const api of ['websocket', 'eventsource']) {
    it(`refuses a method or headers on ${api}, in the request and in a then step`, () => {
      const constructor = api === 'websocket' ? 'WebSocket' : 'EventSource';
      expect(problems({ ...base, request: { target: 'api', api, headers: { 'X-Token': '1' } } })).toEqual([
        `socket.json: request.headers: ${api} cannot set headers: new ${constructor}(url) sends a GET with the browser's own headers`,
      ]);
      expect(problems({ ...base, request: { target: 'api' }, then: [{ request: { api, method: 'POST', body: 'a' } }] })).toEqual([
        `socket.json: then[0].request.body: body applies to fetch, xhr, form and beacon, not to ${api}`,
        `socket.json: then[0].request.method: ${api} cannot set method: new ${constructor}(url) sends a GET with the browser's own headers`,
      ]);
    });
  }
});
