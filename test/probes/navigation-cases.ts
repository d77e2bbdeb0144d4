/**
 * A fifth table of agreement cases, for what frames and windows may do after the web-platform-tests
 * (x-frame-options/*, content-security-policy/frame-ancestors/*, html/cross-origin-opener-policy/*,
 * webmessaging/*): a frame of each origin under each X-Frame-Options value (invalid and repeated ones too) and
 * frame-ancestors source list, the two together; a popup under each Cross-Origin-Opener-Policy, with and without
 * noopener; postMessage to a frame or a popup with each targetOrigin. No expectations: the model must agree with
 * each engine (test/e2e/model-agreement.spec.ts in Chromium, engines-tables.test.ts for Firefox and WebKit).
 */
import type { ExperimentInput } from '../../format/schema.ts';

const cases: ExperimentInput[] = [];
let n = 0;
const add = (group: string, title: string, rest: Omit<ExperimentInput, 'id' | 'title' | 'group'>): void => {
  cases.push({ id: `probe-navigation-${group}-${++n}`, title, group: `probe-navigation-${group}`, ...rest });
};

const TARGETS = ['app', 'api', 'partner'] as const;
const XFO = [undefined, 'DENY', 'SAMEORIGIN', 'deny', 'ALLOWALL', 'SAMEORIGIN, DENY', 'SAMEORIGIN,SAMEORIGIN', 'ALLOW-FROM {page}'];
const ANCESTORS = [
  "frame-ancestors 'none'", "frame-ancestors 'self'", 'frame-ancestors {page}', 'frame-ancestors *',
  'frame-ancestors http://localhost:*', 'frame-ancestors http:', "frame-ancestors 'self' {origin:evil}",
];

for (const target of TARGETS) {
  for (const value of XFO) {
    add('xfo', `frame of ${target}, X-Frame-Options ${value ?? '(none)'}`, {
      request: { api: 'iframe', target }, server: { actual: { headers: value === undefined ? {} : { 'X-Frame-Options': value } } },
    });
  }
}
for (const target of TARGETS) {
  for (const policy of ANCESTORS) {
    add('ancestors', `frame of ${target}, ${policy}`, {
      request: { api: 'iframe', target }, server: { actual: { headers: { 'Content-Security-Policy': policy } } },
    });
  }
  for (const header of ['Content-Security-Policy', 'Content-Security-Policy-Report-Only']) {
    add('ancestors', `frame of ${target}, X-Frame-Options DENY and ${header}: frame-ancestors *`, {
      request: { api: 'iframe', target },
      server: { actual: { headers: { 'X-Frame-Options': 'DENY', [header]: 'frame-ancestors *' } } },
    });
  }
}
for (const target of TARGETS) {
  for (const coop of [undefined, 'same-origin', 'same-origin-allow-popups', 'unsafe-none']) {
    for (const noopener of [false, true]) {
      add('popup', `popup of ${target}, Cross-Origin-Opener-Policy ${coop ?? '(none)'}${noopener ? ', noopener' : ''}`, {
        request: { api: 'window-open', target, ...(noopener ? { noopener } : {}) },
        server: { actual: { headers: coop === undefined ? {} : { 'Cross-Origin-Opener-Policy': coop } } },
      });
    }
  }
}
for (const via of [undefined, 'window-open'] as const) {
  for (const target of TARGETS) {
    for (const targetOrigin of ['*', '{origin:partner}', '{origin:api}', '{origin:app}', '/']) {
      add('message', `postMessage to a ${via === undefined ? 'frame' : 'popup'} of ${target}, targetOrigin ${targetOrigin}`, {
        request: { api: 'postMessage', target, targetOrigin, ...(via ? { via } : {}) },
      });
    }
  }
}

export const navigationCases: readonly ExperimentInput[] = cases;
