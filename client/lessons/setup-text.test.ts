import { describe, expect, test } from 'vitest';
import { validateExperiments } from '../../format/validate.ts';
import { originMap, originsAtPortBase } from '../../plan/origins.ts';
import { catalog } from '../../experiments/catalog/index.ts';
import { preflightShown, requestText, serverText } from './setup-text.ts';

const [experiment] = validateExperiments(
  {
    id: 'x', title: 'x', group: 'preflight',
    request: { target: 'api', path: '/items', method: 'PUT', credentials: 'include', headers: { 'X-Custom': '1' } },
    server: { preflight: { headers: { 'Access-Control-Allow-Origin': '{page}' } }, redirects: [{ status: 307, to: 'api2' }], actual: { status: 201 } },
    then: [{ title: 'again', request: { method: 'GET' } }],
  },
  'test',
);
const origins = originMap(originsAtPortBase(6000));
const byId = (id: string) => catalog.find((e) => e.id === id)!;

describe('what a learner reads before predicting', () => {
  test('the request: call, options, headers and later steps', () => {
    expect(requestText(experiment!)).toBe('page app: fetch PUT api/items\ncredentials: include\nX-Custom: 1\nthen 1 (again): {"method":"GET"}');
  });
  test('an element and its page (format 1.2): the element, its crossorigin, the page\'s own headers first', () => {
    expect(requestText(byId('resources-img-no-cors-loads'))).toBe('page app: img GET partner/');
    expect(requestText(byId('resources-script-use-credentials-wildcard'))).toBe('page app: script GET api/\ncrossorigin: use-credentials');
    expect(requestText(byId('postmessage-target-origin-star'))).toBe('page app: postMessage GET partner/\ntargetOrigin: *');
    expect(requestText(byId('postmessage-via-popup-target-origin-mismatch'))).toBe('page app: postMessage GET partner/\ntargetOrigin: {origin:api}\nvia: window-open');
    expect(requestText(byId('postmessage-popup-noopener'))).toBe('page app: window-open GET partner/\nnoopener: true');
    expect(requestText(byId('csrf-form-post-samesite-lax')).split('\n').at(-1)).toBe(
      'then 1 (the attack from evil), page evil: {"api":"form","method":"POST","body":"to=evil&amount=1000"}',
    );
    expect(requestText(byId('isolation-coep-blocks-image-without-corp'))).toBe(
      'page app, served with:\nCross-Origin-Opener-Policy: same-origin\nCross-Origin-Embedder-Policy: require-corp\n\npage app: img GET partner/',
    );
  });
  test('the servers: preflight, redirect hops and the actual answer, tokens as the running lab\'s origins', () => {
    expect(serverText(experiment!, { origins, preflight: 'sent' })).toBe(
      `OPTIONS → 204\nAccess-Control-Allow-Origin: ${origins.app}\n\nredirect 1: 307 → ${origins.api2} (no headers)\n\nPUT → 201 (no headers)`,
    );
    expect(serverText(experiment!, { preflight: 'sent' })).toContain('Access-Control-Allow-Origin: {page}');
  });
  test('no raw token is left for any experiment of the catalog', () => {
    for (const e of catalog) expect(serverText(e, { origins, preflight: 'sent' }), e.id).not.toMatch(/\{(page|reflect|origin:[^}]*)\}/);
  });
  test('{reflect} is said in words, {origin:api2} is the origin', () => {
    expect(serverText(byId('credentials-reflected-origin'), { origins, preflight: 'none' })).toContain("Access-Control-Allow-Origin: (the request’s Origin)");
    expect(serverText(byId('simple-get-other-origin'), { origins, preflight: 'none' })).toContain(`Access-Control-Allow-Origin: ${origins.api2}`);
  });
  test('the OPTIONS answer only when a preflight goes out, or when the learner is asked whether one does', () => {
    expect(preflightShown(byId('simple-get-no-acao'), false, origins)).toBe('none');
    expect(serverText(byId('simple-get-no-acao'), { origins, preflight: 'none' })).not.toContain('OPTIONS');
    expect(preflightShown(byId('preflight-put-missing-allow-methods'), false, origins)).toBe('sent');
    expect(preflightShown(byId('simple-post-form-allowed'), true, origins)).toBe('if-sent');
    expect(serverText(byId('simple-post-form-allowed'), { origins, preflight: 'if-sent' })).toMatch(/^OPTIONS → 204 \(if the browser sends one\)/);
  });
});
