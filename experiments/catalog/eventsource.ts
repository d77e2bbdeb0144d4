/**
 * Format 1.2: server-sent events. `new EventSource(url)` is a CORS request (mode "cors"; credentials
 * "include" with `withCredentials`, else "same-origin"), so a stream from another origin needs
 * Access-Control-Allow-Origin, and a credentialed one an exact origin and Access-Control-Allow-Credentials.
 * Past CORS, the stream must be a 200 `text/event-stream`, or the EventSource fails the connection.
 * https://html.spec.whatwg.org/multipage/server-sent-events.html
 * Runs in every engine: Chromium 156, Firefox 153 ESR and WebKitGTK 2.50 give the same verdicts, each in its words.
 */
import type { ExperimentInput } from '../../format/schema.ts';

const SSE = 'https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsource';

export const eventsource: ExperimentInput[] = [
  {
    id: 'eventsource-same-origin',
    title: 'A page opens an EventSource on its own origin',
    group: 'eventsource',
    explain: `The stream is on \`app\`, the page's own origin: no CORS. The lab answers with one \`data:\` event (\`text/event-stream\`), and the first event arrives. ${SSE}`,
    request: { api: 'eventsource', target: 'app' },
    expect: { outcome: 'allowed', reason: null, preflight: false, reachedServer: true },
  },
  {
    id: 'eventsource-cross-origin-no-allow-origin',
    title: 'A page opens an EventSource on another origin that sends no Access-Control-Allow-Origin',
    group: 'eventsource',
    explain:
      'An EventSource is a CORS request: the stream on `api` answers without `Access-Control-Allow-Origin`, so Chromium blocks it after the response (`MissingAllowOriginHeader`, `Access to resource at ...`). The page sees only an `error` event. `Accept: text/event-stream` is a safelisted header: no preflight.\n\n**Fix:** `Access-Control-Allow-Origin: <page origin>` on the stream.',
    request: { api: 'eventsource', target: 'api' },
    expect: { outcome: 'blocked', reason: 'MissingAllowOriginHeader', preflight: false, reachedServer: true, originSeen: '{page}' },
  },
  {
    id: 'eventsource-cross-origin-allow-origin',
    title: 'A page opens an EventSource on another origin that sends Access-Control-Allow-Origin: <page origin>',
    group: 'eventsource',
    explain: 'The same stream with `Access-Control-Allow-Origin` naming the page: the CORS check passes and the first event arrives.',
    request: { api: 'eventsource', target: 'api' },
    server: { actual: { headers: { 'Access-Control-Allow-Origin': '{page}', Vary: 'Origin' } } },
    expect: { outcome: 'allowed', reason: null, preflight: false },
  },
  {
    id: 'eventsource-credentials-wildcard',
    title: 'A page opens an EventSource withCredentials on an API that sends Access-Control-Allow-Origin: *',
    group: 'eventsource',
    explain:
      '`withCredentials: true` makes the request credentialed, and a credentialed response may not say `*`: `WildcardOriginNotAllowed`.\n\n**Fix:** `Access-Control-Allow-Origin: <page origin>` and `Access-Control-Allow-Credentials: true`.',
    request: { api: 'eventsource', target: 'api', credentials: 'include' },
    server: { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } },
    expect: { outcome: 'blocked', reason: 'WildcardOriginNotAllowed', reachedServer: true },
  },
  {
    id: 'eventsource-credentials-no-allow-credentials',
    title: 'A page opens an EventSource withCredentials on an API that names the page but sends no Access-Control-Allow-Credentials',
    group: 'eventsource',
    explain:
      'The origin is exact, but a credentialed stream also needs `Access-Control-Allow-Credentials: true`: `InvalidAllowCredentials`.\n\n**Fix:** add `Access-Control-Allow-Credentials: true`.',
    request: { api: 'eventsource', target: 'api', credentials: 'include' },
    server: { actual: { headers: { 'Access-Control-Allow-Origin': '{page}', Vary: 'Origin' } } },
    expect: { outcome: 'blocked', reason: 'InvalidAllowCredentials', reachedServer: true },
  },
  {
    id: 'eventsource-credentials-exact-origin',
    title: 'A page opens an EventSource withCredentials on an API that names the page and allows credentials',
    group: 'eventsource',
    explain: 'The exact origin and `Access-Control-Allow-Credentials: true`: the credentialed stream passes the CORS check and its first event arrives.',
    request: { api: 'eventsource', target: 'api', credentials: 'include' },
    server: { actual: { headers: { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' } } },
    expect: { outcome: 'allowed', reason: null },
  },
  {
    id: 'eventsource-text-plain',
    title: 'A page opens an EventSource on an API that allows any origin and answers Content-Type: text/plain',
    group: 'eventsource',
    explain:
      `The CORS check passes (\`*\`), but the answer is \`text/plain\`, not \`text/event-stream\`: the EventSource fails the connection. It is not a CORS error: Chromium prints \`EventSource's response has a MIME type ... Aborting the connection.\` and reports no reason; the page sees an \`error\` event. ${SSE}\n\n**Fix:** \`Content-Type: text/event-stream\`.`,
    request: { api: 'eventsource', target: 'api' },
    server: { actual: { headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/plain' } } },
    expect: { outcome: 'blocked', reason: null, reachedServer: true },
  },
  {
    id: 'eventsource-status-500',
    title: 'A page opens an EventSource on its own origin that answers 500 with an event stream',
    group: 'eventsource',
    explain:
      `Only a \`200\` answer opens a stream: a \`500\` fails the connection even with the right type, and with no reason (it is not CORS: the page's own origin). ${SSE}\n\n**Fix:** answer the stream with \`200\`.`,
    request: { api: 'eventsource', target: 'app' },
    server: { actual: { status: 500 } },
    expect: { outcome: 'blocked', reason: null, reachedServer: true },
  },
];
