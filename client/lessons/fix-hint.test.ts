import { describe, expect, test } from 'vitest';
import { fixHint, headerOfReason } from './fix-hint.ts';

const blocked = (check: string, unreadable: string[] = [], reason: string = check) =>
  ({ fixed: false as const, step: 0, outcome: 'blocked' as const, reason, check, line: null, unreadable });

describe('graded fix-it hints', () => {
  test('names the header a reason is about', () => {
    expect(headerOfReason('PreflightMissingAllowOriginHeader')).toBe('Access-Control-Allow-Origin');
    expect(headerOfReason('WildcardOriginNotAllowed')).toBe('Access-Control-Allow-Origin');
    expect(headerOfReason('InvalidAllowCredentials')).toBe('Access-Control-Allow-Credentials');
    expect(headerOfReason('MethodDisallowedByPreflightResponse')).toBe('Access-Control-Allow-Methods');
    expect(headerOfReason('HeaderDisallowedByPreflightResponse')).toBe('Access-Control-Allow-Headers');
    expect(headerOfReason('PreflightInvalidStatus')).toBeNull();
  });
  test('first the header and the answer it is on, then the model\'s fix; nothing before a try or once fixed', () => {
    const verdict = blocked('HeaderDisallowedByPreflightResponse');
    expect(fixHint(verdict, 0, 'Access-Control-Allow-Headers: x-custom')).toBeNull();
    expect(fixHint(verdict, 1, 'Access-Control-Allow-Headers: x-custom')).toEqual({ level: 'header', text: 'Hint: look at Access-Control-Allow-Headers on the preflight answer (OPTIONS).' });
    expect(fixHint(blocked('MissingAllowOriginHeader'), 1, 'x')).toEqual({ level: 'header', text: 'Hint: look at Access-Control-Allow-Origin on the actual answer.' });
    expect(fixHint(verdict, 2, 'Access-Control-Allow-Headers: x-custom')).toEqual({ level: 'fix', text: 'Access-Control-Allow-Headers: x-custom' });
    expect(fixHint({ fixed: true }, 3, 'x')).toBeNull();
    expect(fixHint({ fixed: false, failure: 'no answer' }, 3, 'x')).toBeNull();
  });
  test('an unreadable header points to Access-Control-Expose-Headers', () => {
    const unreadable = {
      fixed: false as const, step: 0, outcome: 'allowed' as const, reason: null, check: null, line: null,
    };
    const hint = fixHint({ ...unreadable, unreadable: ['x-request-id'] }, 1, null);
    expect(hint?.text).toContain('Access-Control-Expose-Headers');
  });
  test('in Firefox the hint reads the check in Chromium\'s names, whatever name Firefox gives the reason', () => {
    const firefox = blocked('HeaderDisallowedByPreflightResponse', [], 'CORSMissingAllowHeaderFromPreflight');
    const text = 'Hint: look at Access-Control-Allow-Headers on the preflight answer (OPTIONS).';
    expect(fixHint(firefox, 1, 'x')).toEqual({ level: 'header', text });
  });
});
