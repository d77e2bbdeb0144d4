/**
 * Which Access-Control-Allow-Origin values can pass the CORS check at all (https://fetch.spec.whatwg.org/#cors-check).
 */
import { describe, expect, it } from 'vitest';
import { invalidAllowOrigin } from './passive-checks.ts';
import { onThirdPartyHosting } from './third-party-hosting.ts';

describe('invalid Access-Control-Allow-Origin values', () => {
  it.each(['*', 'null', 'https://app.example.com', 'http://127.0.0.1:8080'])('%s is valid', (value) =>
    expect(invalidAllowOrigin(value, 1)).toBeNull(),
  );

  it.each([
    ['https://app.example.com, https://admin.example.com', 1, 'a list of origins'],
    ['https://app.example.com https://admin.example.com', 1, 'a list of origins'],
    [
      'https://app.example.com/',
      1,
      'not a serialized origin (a browser compares it with "https://app.example.com" byte for byte)',
    ],
    ['https://APP.example.com', 1, 'not a serialized origin'],
    ['https://app.example.com:443', 1, 'not a serialized origin'],
    ['app.example.com', 1, 'not an origin'],
    ['true', 1, 'not an origin'],
    ['https://app.example.com, https://app.example.com', 2, '2 Access-Control-Allow-Origin header lines'],
  ])('%s (%i lines) is %s', (value, lines, why) => expect(invalidAllowOrigin(value, lines)).toContain(why));
});

describe('third-party hosting', () => {
  it.each([
    ['https://someone.github.io', [], true],
    ['https://cdpn.io', [], true],
    ['https://github.io', [], false],
    ['https://app.example.com', [], false],
    ['https://x.pages.hosting.example', ['pages.hosting.example'], true],
    ['https://evilgithub.io', [], false],
  ] as const)('%s (added %j): %s', (origin, added, expected) =>
    expect(onThirdPartyHosting(origin, added)).toBe(expected),
  );
});
