import { describe, expect, it } from 'vitest';
import { allowRunnerScript, newRunnerNonce, withoutRunnerNonce } from './runner-nonce.ts';

const NONCE = newRunnerNonce();
const SOURCE = `'nonce-${NONCE}'`;

describe("the runner page's own script under the page's CSP", () => {
  it('is allowed by a nonce in the directive that decides for inline scripts, and only there', () => {
    expect(NONCE).toMatch(/^corslabrunner[0-9a-f]{32}$/);
    expect(newRunnerNonce()).not.toBe(NONCE);
    expect(allowRunnerScript("default-src 'self'", NONCE)).toBe(`default-src 'self' ${SOURCE}`);
    expect(allowRunnerScript("default-src 'none'; script-src 'self'", NONCE))
      .toBe(`default-src 'none'; script-src 'self' ${SOURCE}`);
    expect(allowRunnerScript("script-src 'none'; script-src-elem http://x", NONCE))
      .toBe(`script-src 'none'; script-src-elem http://x ${SOURCE}`);
  });
  it('leaves a policy that does not govern scripts as it is', () => {
    expect(allowRunnerScript("connect-src 'self'; img-src *", NONCE)).toBe("connect-src 'self'; img-src *");
    expect(allowRunnerScript('frame-ancestors none', NONCE)).toBe('frame-ancestors none');
  });
  it('adds it to every comma-separated policy, to the first of a repeated directive, names in any case', () => {
    expect(allowRunnerScript("Script-Src 'none'; script-src *, default-src 'self', img-src *", NONCE))
      .toBe(`Script-Src 'none' ${SOURCE}; script-src *, default-src 'self' ${SOURCE}, img-src *`);
  });
  it("takes the lab's nonce, and only it, out of a console line quoting the directive", () => {
    const line = `blocked because it violates the following directive: “default-src 'self' ${SOURCE}”`;
    expect(withoutRunnerNonce(line)).toBe("blocked because it violates the following directive: “default-src 'self'”");
    const theirs = "“script-src 'nonce-abc' 'self'”";
    expect(withoutRunnerNonce(theirs)).toBe(theirs);
  });
});
