/**
 * The runner page's own script under the page's Content-Security-Policy (format 1.2 `pageHeaders`). The runner page
 * stands for the experiment's page, whose own script is what makes every request: that script always runs. The lab's
 * is inline, so a policy that governs scripts (`default-src 'self'`, `script-src 'none'`, `'strict-dynamic'`) would
 * refuse it and leave the run with no page at all. So the directive that decides for an inline script element
 * (`script-src-elem`, else `script-src`, else `default-src`) gets a nonce, new for each page served, in every policy
 * that has one; the runner's `<script>` carries it. A nonce matches no URL, so no request the experiment makes is
 * judged otherwise. What it changes beside that: `'unsafe-inline'` no longer allows other inline code (the runner page
 * has none), and with `'strict-dynamic'` the scripts the page's script inserts run, as a real page's trusted
 * script's do. Browsers quote the violated directive in some console lines (Firefox: always; Chromium: a frame's):
 * withoutRunnerNonce takes the lab's nonce out of them again, so a line reads as the experiment's policy.
 * https://w3c.github.io/webappsec-csp/#effective-directive-for-inline-check
 * https://w3c.github.io/webappsec-csp/#directive-fallback-list
 * https://w3c.github.io/webappsec-csp/#allow-all-inline
 */

/** The directives, in order, whose source list decides whether an inline `<script>` runs. */
const INLINE_SCRIPT_DIRECTIVES = ['script-src-elem', 'script-src', 'default-src'] as const;
/** The lab's nonces: this prefix and 32 hex digits (a base64-value, CSP's nonce grammar). */
const NONCE_PREFIX = 'corslabrunner';
const LAB_NONCE_SOURCE = new RegExp(` 'nonce-${NONCE_PREFIX}[0-9a-f]{32}'`, 'g');

/** A new nonce for one runner page (browser-safe: Web Crypto). */
export function newRunnerNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return NONCE_PREFIX + [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** One policy (no commas) with `source` added to the directive that decides for inline scripts, if it has one. */
function allowInOnePolicy(policy: string, source: string): string {
  const directives = policy.split(';');
  const names = directives.map((d) => d.trim().split(/\s+/)[0]?.toLowerCase() ?? '');
  for (const wanted of INLINE_SCRIPT_DIRECTIVES) {
    // A repeated directive counts only once, the first time (CSP3 "parse a serialized CSP").
    const at = names.indexOf(wanted);
    if (at === -1) continue;
    directives[at] = `${directives[at]!.trimEnd()} ${source}`;
    return directives.join(';');
  }
  return policy;
}

/**
 * A `Content-Security-Policy` value (several policies, comma-separated, each enforced) that also lets the runner
 * page's script with `nonce` run. `'none'` beside another source is ignored (CSP3), so a `'none'` list then allows
 * only that script.
 */
export function allowRunnerScript(value: string, nonce: string): string {
  return value.split(',').map((policy) => allowInOnePolicy(policy, `'nonce-${nonce}'`)).join(',');
}

/** A console line with the lab's nonce source taken out of the directive it quotes (see above). */
export function withoutRunnerNonce(line: string): string {
  return line.replace(LAB_NONCE_SOURCE, '');
}
