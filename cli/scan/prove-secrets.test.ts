/** What `scan --prove` shows of a stolen answer: secrets redacted before the cut, terminal-safe. */
import { describe, expect, it } from 'vitest';
import { REDACTED, SHOWN_CHARACTERS, redactSecrets, shownText } from './prove-secrets.ts';

describe('redactSecrets', () => {
  it('hides values of secret-sounding JSON fields and text pairs, random runs and the given cookie values', () => {
    const json = '{"user":"alice","access_token":"abc","password":"hunter2","sessionId":"x"}';
    const hidden = `"access_token":"${REDACTED}","password":"${REDACTED}","sessionId":"${REDACTED}"`;
    expect(redactSecrets(json, [])).toBe(`{"user":"alice",${hidden}}`);
    expect(redactSecrets('api_key=k1&name=bob', [])).toBe(`api_key=${REDACTED}&name=bob`);
    expect(redactSecrets('{"secret":42,"count":3}', [])).toBe(`{"secret":"${REDACTED}","count":3}`);
    expect(redactSecrets('id eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0 ok', [])).toBe(`id ${REDACTED} ok`);
    expect(redactSecrets('hello plain words stay', [])).toBe('hello plain words stay');
    expect(redactSecrets('you are c00kie-v', ['c00kie-v'])).toBe(`you are ${REDACTED}`);
  });
});

describe('shownText', () => {
  it('redacts before cutting, so a secret across the cut is not half shown', () => {
    const text = `${'a '.repeat(95)}{"token":"${'s'.repeat(50)}"}`;
    const shown = shownText(text, { showSecrets: false });
    expect(shown).not.toContain('sss');
    expect(shown.length).toBeLessThanOrEqual(SHOWN_CHARACTERS + 3);
  });

  it('shows the secrets when asked, and escapes control characters either way', () => {
    const osc52 = '{"token":"t0k"}\u001b]52;c;x\u0007';
    expect(shownText(osc52, { showSecrets: true })).toBe('{"token":"t0k"}\\u001b]52;c;x\\u0007');
    const cookie = 'session=abcd1234';
    expect(shownText('session=abcd1234; x', { showSecrets: false, cookie })).toBe(`session=${REDACTED}; x`);
  });
});
