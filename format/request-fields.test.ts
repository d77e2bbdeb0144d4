/**
 * A request field the api cannot carry is refused with its path and the apis that take it (request-fields.ts):
 * the runner page would ignore it while the model and the reader took it at its word.
 */
import { describe, expect, it } from 'vitest';
import { problemText } from './problems/index.ts';
import { refusals } from '../test/schema-refusals.ts';

const base = { id: 'x', title: 'x', group: 'fields' };

const problems = (request: object, then?: object[]): string[] =>
  refusals({ ...base, request: { target: 'api', ...request }, ...(then ? { then } : {}) }, 'fields.json');

describe('request fields by api', () => {
  it('refuses each field an api cannot carry, naming the field and the apis that take it', () => {
    expect(problems({ api: 'beacon', referrerPolicy: 'no-referrer' })).toEqual([
      'fields.json: request.referrerPolicy: referrerPolicy applies to fetch, not to beacon',
    ]);
    expect(problems({ api: 'img', credentials: 'omit' })).toEqual([
      "fields.json: request.credentials: credentials applies to fetch, xhr and eventsource, not to img: an element's mode and credentials come from its crossorigin attribute",
    ]);
    expect(problems({ api: 'script', crossorigin: 'anonymous', mode: 'no-cors' })).toEqual([
      "fields.json: request.mode: mode applies to fetch and xhr, not to script: an element's mode and credentials come from its crossorigin attribute",
    ]);
    expect(problems({ api: 'script', referrerPolicy: 'origin' })).toEqual([
      "fields.json: request.referrerPolicy: referrerPolicy applies to fetch, not to script: the lab sets it on fetch() only (an element's referrerpolicy attribute is not in the format)",
    ]);
    // XMLHttpRequest has one mode and follows every redirect, in a then step too.
    expect(problems({}, [{ request: { api: 'xhr', mode: 'no-cors', redirect: 'manual' } }])).toEqual([
      'fields.json: then[0].request.mode: XMLHttpRequest always uses mode "cors"',
      'fields.json: then[0].request.redirect: XMLHttpRequest always follows redirects',
    ]);
    expect(problems({ api: 'iframe', method: 'POST', headers: { 'X-A': '1' } })).toEqual([
      'fields.json: request.method: method applies to fetch, xhr, form and beacon, not to iframe',
      'fields.json: request.headers: headers applies to fetch, xhr, form and beacon, not to iframe',
    ]);
    expect(problems({ api: 'script', body: 'x' })).toEqual(['fields.json: request.body: body applies to fetch, xhr, form and beacon, not to script']);
    expect(problems({ api: 'xhr', targetAddressSpace: 'loopback' })).toEqual([
      'fields.json: request.targetAddressSpace: targetAddressSpace applies to fetch, not to xhr',
    ]);
    expect(problems({ api: 'form', method: 'POST', credentials: 'omit' })).toEqual([
      'fields.json: request.credentials: credentials applies to fetch, xhr and eventsource, not to form',
    ]);
    expect(problems({ api: 'websocket', redirect: 'manual' })).toEqual(['fields.json: request.redirect: redirect applies to fetch and xhr, not to websocket']);
  });

  it("checks a then step's own fields against the step's api, not what it inherits", () => {
    // The first step's POST and referrerPolicy belong to its fetch; the image step names only its api.
    expect(problems({ method: 'POST', body: 'a', referrerPolicy: 'no-referrer' }, [{ request: { api: 'img' } }])).toEqual([]);
    // Saying what the api does anyway is no problem: a GET without a body or headers undoes what it would inherit.
    expect(problems({ method: 'POST', body: 'a' }, [{ request: { api: 'script', method: 'get', body: null, headers: {} } }])).toEqual([]);
    expect(problems({}, [{ request: { api: 'window-open', credentials: 'omit' } }])).toEqual([
      'fields.json: then[0].request.credentials: credentials applies to fetch, xhr and eventsource, not to window-open',
    ]);
  });

  it('takes what each api can say, and a WebSocket method stays refused once, with its own words', () => {
    const good = [
      { api: 'fetch', method: 'PUT', headers: { 'X-A': '1' }, body: 'a', mode: 'cors', credentials: 'omit', redirect: 'manual', referrerPolicy: 'no-referrer', targetAddressSpace: 'loopback' },
      // withCredentials false: "omit" and "same-origin" both mean it (the model reads them so).
      { api: 'xhr', method: 'POST', body: 'a', credentials: 'omit' },
      { api: 'eventsource', credentials: 'include' },
      { api: 'form', method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'a=1' },
      { api: 'img', crossorigin: 'anonymous' },
      // The format's defaults say nothing: experiments the playground's editor wrote before this check carry them.
      { api: 'iframe', mode: 'cors', credentials: 'same-origin', redirect: 'follow', method: 'GET', headers: {}, body: null },
      // What the api does anyway, spelled out: an element's mode and credentials by its crossorigin, a beacon's.
      { api: 'img', mode: 'no-cors', credentials: 'include' },
      { api: 'script', crossorigin: 'anonymous', mode: 'cors', credentials: 'same-origin' },
      { api: 'stylesheet', crossorigin: 'use-credentials', credentials: 'include' },
      { api: 'beacon', credentials: 'include' },
      { api: 'websocket', credentials: 'include' },
    ];
    for (const request of good) expect(problems(request), request.api).toEqual([]);
    expect(problems({ api: 'websocket', method: 'POST' })).toEqual([
      "fields.json: request.method: websocket cannot set method: new WebSocket(url) sends a GET with the browser's own headers",
    ]);
  });

  it('says it in Chinese for the playground', () => {
    expect(problemText({ code: 'fieldApi', field: 'mode', apis: ['fetch', 'xhr', 'form'], api: 'img' }, 'zh-CN')).toBe('mode 只用于 fetch、xhr 和 form，不用于 img');
  });
});
