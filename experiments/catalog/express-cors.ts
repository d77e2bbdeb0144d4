/**
 * The Express `cors` package (`server.middleware` with `"name": "cors"`):
 * paste the options your Express server passes to `cors()` and see what it
 * sends and what the browser does with it. Regular expressions are written
 * as `"/pattern/flags"` strings.
 * https://github.com/expressjs/cors#configuration-options
 */
import type { ExperimentInput } from '../../format/schema.ts';

const express = (options: Record<string, unknown>) => ({ name: 'cors' as const, options });

export const expressCors: ExperimentInput[] = [
  {
    id: 'express-cors-default',
    title: 'cors() with no options allows any origin with *',
    group: 'express-cors',
    explain: '`app.use(cors())` sends `Access-Control-Allow-Origin: *` and answers preflights with 204 and `Access-Control-Allow-Methods: GET,HEAD,PUT,PATCH,POST,DELETE`. Right for a public API without cookies.',
    request: { target: 'api', method: 'PATCH', body: 'x' },
    server: { middleware: express({}) },
    expect: { outcome: 'allowed', preflight: true, reachedServer: true },
  },
  {
    id: 'express-cors-credentials-with-default-origin',
    title: 'credentials: true with the default origin sends * and fails',
    group: 'express-cors',
    explain: "`cors({ credentials: true })` keeps the default `origin: '*'`, so it sends `Access-Control-Allow-Origin: *` next to `Access-Control-Allow-Credentials: true`, which a credentialed request may not accept.\n\n**Fix:** `cors({ origin: 'https://app.example', credentials: true })`, or `origin: true` to reflect the request's origin (only with a check of your own).",
    request: { target: 'api', credentials: 'include' },
    server: { middleware: express({ credentials: true }) },
    expect: { outcome: 'blocked', reason: 'WildcardOriginNotAllowed', preflight: false, reachedServer: true },
  },
  {
    id: 'express-cors-fixed-origin-other-page',
    title: 'A fixed origin string is sent to every caller, matching or not',
    group: 'express-cors',
    explain: "With `origin: 'http://127.0.0.1:5313'` (a string), the package sends exactly that origin to every caller (plus `Vary: Origin`); it does not compare. The page on `app` gets someone else's origin and is blocked.\n\n**Fix:** put the page origin in the string, or use an array to allow several.",
    request: { target: 'api' },
    server: { middleware: express({ origin: '{origin:partner}' }) },
    expect: { outcome: 'blocked', reason: 'AllowOriginMismatch', preflight: false, reachedServer: true },
  },
  {
    id: 'express-cors-regex-unanchored',
    title: 'An unanchored regular expression lets evil.localhost in',
    group: 'express-cors',
    explain: "`origin: /localhost/` is meant to allow the local dev origins, but a regular expression without `^` and `$` matches **anywhere**: `http://evil.localhost:5314` contains `localhost`, so the package reflects the attacker's origin and allows it, credentials included. The same bug lets `https://example.com.attacker.net` past `/example\\.com/`.\n\n**Fix:** anchor it and escape dots: `/^http:\\/\\/localhost:\\d+$/`.",
    page: 'evil',
    request: { target: 'api', credentials: 'include' },
    server: { middleware: express({ origin: '/localhost/', credentials: true }) },
    expect: { outcome: 'allowed', preflight: false, reachedServer: true },
  },
  {
    id: 'express-cors-regex-anchored',
    title: 'An anchored regular expression keeps evil.localhost out',
    group: 'express-cors',
    explain: '`origin: /^http:\\/\\/localhost:\\d+$/` matches the whole origin, so `http://evil.localhost:5314` no longer passes: the package sends no `Access-Control-Allow-Origin` and the browser blocks the answer (the request itself still ran: protect state-changing routes separately).',
    page: 'evil',
    request: { target: 'api', credentials: 'include' },
    server: { middleware: express({ origin: '/^http:\\/\\/localhost:\\d+$/', credentials: true }) },
    expect: { outcome: 'blocked', reason: 'MissingAllowOriginHeader', preflight: false, reachedServer: true },
  },
  {
    id: 'express-cors-origin-array',
    title: 'An array of origins reflects the one that matches',
    group: 'express-cors',
    explain: "`origin: ['http://localhost:5310', /\\.example\\.com$/]` compares the request's origin with each entry and reflects it when one matches, with `Vary: Origin`. With `credentials: true` this is the right shape for a credentialed API.",
    request: { target: 'api', credentials: 'include' },
    server: { middleware: express({ origin: ['{page}', '/^https:\\/\\/[a-z]+\\.example\\.com$/'], credentials: true }) },
    expect: { outcome: 'allowed', preflight: false, reachedServer: true },
  },
  {
    id: 'express-cors-preflight-continue',
    title: 'preflightContinue hands OPTIONS to your routes: a 404 there fails the preflight',
    group: 'express-cors',
    explain: "With `preflightContinue: true` the package adds its headers to OPTIONS but lets the request go on to your routes. If no route answers OPTIONS, Express answers 404, and a preflight needs an ok (2xx) status.\n\n**Fix:** leave `preflightContinue` false (the package then answers 204 itself), or add `app.options('*', ...)`.",
    request: { target: 'api', method: 'DELETE' },
    server: { middleware: express({ preflightContinue: true }), preflight: { status: 404 } },
    expect: { outcome: 'blocked', reason: 'PreflightInvalidStatus', preflight: true, reachedServer: false },
  },
  {
    id: 'express-cors-allowed-headers-listed',
    title: 'allowedHeaders replaces the echo of the requested headers',
    group: 'express-cors',
    explain: "Without `allowedHeaders` the package echoes `Access-Control-Request-Headers`, allowing any header. With `allowedHeaders: ['Content-Type']`, a request sending `Authorization` fails its preflight.\n\n**Fix:** `allowedHeaders: ['Content-Type', 'Authorization']`.",
    request: { target: 'api', headers: { Authorization: 'Bearer x' } },
    server: { middleware: express({ allowedHeaders: ['Content-Type'] }) },
    expect: { outcome: 'blocked', reason: 'HeaderDisallowedByPreflightResponse', preflight: true, reachedServer: false },
  },
];
