/**
 * `cors-lab scan --prove`: each finding's exploit run in real Chromium from
 * a page whose origin is the one the API trusted, as an attacker would run
 * it. A header check only says the API answered with that origin; whether a
 * page on it can read the answer is the browser's decision (the CORS check,
 * https://fetch.spec.whatwg.org/#cors-check, and cookie rules), so a finding
 * is "proven" only when the exploit page read the answer.
 *
 * The page's origin per class:
 *   - a reflected Origin, or `*` with credentials: any origin would do; the lab's attacker name, `evil.localhost`;
 *   - `null`: an opaque origin. The proof serves the exploit document with
 *     `Content-Security-Policy: sandbox allow-scripts`, which makes it opaque exactly as
 *     `<iframe sandbox="allow-scripts">` does (https://html.spec.whatwg.org/multipage/browsers.html#sandboxing),
 *     and keeps it in the page's own DevTools session, where Chromium's reason is reported;
 *     the page to copy uses the iframe;
 *   - every other class (look-alike, prefix, suffix, subdomain, http, third-party
 *     hosting, parser tricks): the very origin the scan saw trusted, its host and
 *     port mapped to a server on loopback by `--host-resolver-rules` (prove-server.ts).
 * Third-party cookies are allowed in the proof's profile, as in Chrome's default
 * for most users: a cookie policy that would block the attack in some browsers
 * is not a CORS fix.
 */
import type { Page } from 'playwright-core';
import { launchAllowingThirdPartyCookies } from '../../runner/launch.ts';
import { CdpWatch } from '../../runner/cdp-watch.ts';
import { printableLine } from '../../format/terminal-text.ts';
import { copyableExploit, exploitDocument, type ExploitOutcome, type ProvableRequest } from './prove-page.ts';
import { servePages, type ServedPage } from './prove-server.ts';
import { shownText } from './prove-secrets.ts';

export type { ProvableRequest } from './prove-page.ts';

/** A finding as `prove` needs it: scan's `Finding` fits this shape. */
export interface ProvableFinding {
  id: string;
  request: ProvableRequest;
}

export type ProofVerdict = 'proven' | 'not proven';

export interface Proof {
  id: string;
  verdict: ProofVerdict;
  /** The origin the exploit page ran on (`null` for the sandboxed page). */
  attackerOrigin: string;
  /** Why, in one sentence: what the page read, or what stopped it. */
  why: string;
  /** Chromium's reason (a `Network.CorsError` name, else a `net::` error) when the browser blocked the read. */
  reason: string | null;
  /** Chromium's console line for the block. */
  console: string | null;
  /** The status the page read. */
  status: number | null;
  /** What the attacker page read: the first characters, likely secrets redacted unless showSecrets. */
  read: string | null;
  /** The exploit page to publish on the attacker origin (or anywhere, for the null origin). */
  exploitHtml: string;
}

export interface ProveOptions {
  /** Print what the page read as it is (default: likely secrets redacted). */
  showSecrets?: boolean;
}

/** The bound on one exploit: a page that has not settled by then is reported as not proven, never as safe. */
export const PROOF_DEADLINE_MS = 20_000;

/** The lab's attacker host name; `*.localhost` resolves to loopback in the browser itself. */
const EVIL_HOST = 'evil.localhost';

/** Classes any origin exploits (no allow-list at all): the lab's attacker page proves them. */
const ANY_ORIGIN = new Set(['origin-reflected', 'wildcard-with-credentials']);

/** Classes that are not a cross-origin read, so a browser cannot prove them with an exploit page. */
const NOT_A_READ: Readonly<Record<string, string>> = {
  'missing-vary-origin': 'not a cross-origin read: the risk is a shared cache serving one origin\'s answer to another, '
    + 'which a browser alone cannot show',
};

interface Plan {
  finding: ProvableFinding;
  /** Where the page is served, or null when the class is not provable in a browser. */
  pageUrl: URL | null;
  /** The attacker origin as the report names it. */
  attackerOrigin: string;
  problem: string | null;
  /** The page's host and port are the attacker's, mapped to loopback for Chromium. */
  mapped: boolean;
}

const hostAndPort = (url: URL): string => `${url.hostname}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;

/** `targets`: every finding's API host and port, which no mapping may take over. */
function planFor(finding: ProvableFinding, index: number, httpPort: number, targets: ReadonlySet<string>): Plan {
  const { request } = finding;
  const path = `/exploit/${index}`;
  const unprovable = (problem: string): Plan =>
    ({ finding, pageUrl: null, attackerOrigin: request.origin, problem, mapped: false });
  if (Object.hasOwn(NOT_A_READ, finding.id)) return unprovable(NOT_A_READ[finding.id]!);
  if (!URL.canParse(request.url)) return unprovable(`the finding's URL ${JSON.stringify(request.url)} is not a URL`);
  const evil = new URL(`http://${EVIL_HOST}:${httpPort}${path}`);
  if (request.origin === 'null') {
    return { finding, pageUrl: evil, attackerOrigin: 'null', problem: null, mapped: false };
  }
  if (ANY_ORIGIN.has(finding.id)) {
    return { finding, pageUrl: evil, attackerOrigin: evil.origin, problem: null, mapped: false };
  }
  const url = URL.canParse(path, request.origin) ? new URL(path, request.origin) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    return unprovable(`no page can be served on ${request.origin}: not an http(s) origin`);
  }
  // Mapping an API's own host and port to the page server would answer the exploit in the API's place
  // (the mapping holds for the whole browser, so for every finding's API).
  if (targets.has(hostAndPort(url))) {
    return unprovable(`${url.origin} is where the API itself answers: no page can be served there`);
  }
  return { finding, pageUrl: url, attackerOrigin: url.origin, problem: null, mapped: true };
}

/** `a=1; b=2` into name and value pairs. */
const cookiePairs = (cookie: string): Array<[string, string]> =>
  cookie.split(';').flatMap((pair) => {
    const at = pair.indexOf('=');
    return at > 0 ? [[pair.slice(0, at).trim(), pair.slice(at + 1).trim()] as [string, string]] : [];
  });

/**
 * https and loopback hosts are potentially trustworthy, so a Secure cookie works on them
 * (https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy).
 */
const trustworthy = (url: URL): boolean =>
  url.protocol === 'https:' || url.hostname === 'localhost' || url.hostname.endsWith('.localhost')
  || /^127\./.test(url.hostname) || url.hostname === '[::1]';

/** The user's cookies for the target, as the victim's browser would hold them. */
function targetCookies(request: ProvableRequest) {
  const target = new URL(request.url);
  const secure = trustworthy(target);
  return cookiePairs(request.cookie ?? '').map(([name, value]) => ({
    // By domain and path: Chromium drops a Secure cookie given by an http URL, even a loopback one.
    name, value, domain: target.hostname.replace(/^\[|\]$/g, ''), path: '/', secure,
    // SameSite=None needs Secure; on a plain-http API the cookie can only be Lax (sent by same-site pages).
    sameSite: secure ? ('None' as const) : ('Lax' as const),
  }));
}

const pageName = (origin: string): string => (origin === 'null' ? 'a sandboxed page' : `a page on ${origin}`);

const notProven = (plan: Plan, why: string, exploitHtml: string): Proof => ({
  id: plan.finding.id, verdict: 'not proven', attackerOrigin: plan.attackerOrigin, why: printableLine(why),
  reason: null, console: null, status: null, read: null, exploitHtml,
});

/** The exploit's outcome; null when it had none in time, undefined when its script never ran. */
async function settle(page: Page): Promise<ExploitOutcome | null | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), PROOF_DEADLINE_MS)));
  const outcome = page.evaluate(() => (window as unknown as { exploit?: Promise<ExploitOutcome> }).exploit);
  try {
    return await Promise.race([outcome, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function prove(page: Page, plan: Plan, exploitHtml: string, options: ProveOptions): Promise<Proof> {
  const { request } = plan.finding;
  const watch = await CdpWatch.attach(page);
  // The exploit runs as the page loads: watch its request from before the navigation.
  watch.begin(request.url);
  try {
    await page.goto(plan.pageUrl!.href, { timeout: PROOF_DEADLINE_MS });
  } catch (error) {
    const detail = (error as Error).message.split('\n')[0];
    const why = `Chromium could not open the exploit page on ${plan.attackerOrigin}: ${detail}`;
    return notProven(plan, why, exploitHtml);
  }
  const outcome = await settle(page);
  if (outcome === null) {
    return notProven(plan, `the exploit had no answer within ${PROOF_DEADLINE_MS / 1000} s`, exploitHtml);
  }
  if (outcome === undefined) return notProven(plan, 'the exploit page\'s script did not run', exploitHtml);
  // What the watch needs of the page's view: whether the read failed (then Chromium says why).
  const seen = {
    outcome: outcome.read ? 'allowed' : 'blocked', status: null, responseType: null, readableHeaders: {}, body: null,
    error: null, pageOrigin: '',
  } as const;
  const chromium = (await watch.settle(seen)).verdict;
  if (outcome.read) {
    const shown = { showSecrets: options.showSecrets ?? false, ...(request.cookie ? { cookie: request.cookie } : {}) };
    const withCookies = request.cookie ? ' with the user\'s cookies' : request.credentials ? ' with credentials' : '';
    return {
      id: plan.finding.id, verdict: 'proven', attackerOrigin: plan.attackerOrigin, reason: null, console: null,
      status: outcome.status, read: shownText(outcome.text, shown), exploitHtml,
      why: `${pageName(plan.attackerOrigin)} read the answer (status ${outcome.status})${withCookies}`,
    };
  }
  const parameter = chromium.failedParameter ? ` (${chromium.failedParameter})` : '';
  const blocked = chromium.reason
    ? `Chromium blocked the read: ${chromium.reason}${parameter}`
    : `the request failed in Chromium: ${outcome.text}`;
  const console = chromium.console === null ? null : printableLine(chromium.console);
  return { ...notProven(plan, blocked, exploitHtml), reason: chromium.reason, console };
}

/**
 * Runs each finding's exploit in Chromium, one at a time in one browser, and
 * says for each whether the attacker page read the answer.
 */
export async function proveFindings(
  findings: readonly ProvableFinding[],
  options: ProveOptions = {},
): Promise<Proof[]> {
  const pages: ServedPage[] = findings.map((finding) => ({
    html: exploitDocument(finding.request),
    sandboxed: finding.request.origin === 'null',
  }));
  const servers = await servePages(pages);
  try {
    const apiUrls = findings.flatMap((f) => (URL.canParse(f.request.url) ? [new URL(f.request.url)] : []));
    const targets = new Set(apiUrls.map(hostAndPort));
    const plans = findings.map((finding, index) => planFor(finding, index, servers.httpPort, targets));
    const mapped = plans.flatMap((plan) => (plan.mapped && plan.pageUrl ? [plan.pageUrl] : []));
    const httpsProblem = mapped.some((url) => url.protocol === 'https:') ? await servers.startHttps() : null;
    const browser = await launchAllowingThirdPartyCookies(undefined, servers.chromiumArgs(mapped));
    try {
      const proofs: Proof[] = [];
      for (const plan of plans) {
        const anyOrigin = ANY_ORIGIN.has(plan.finding.id);
        const publishOn = anyOrigin ? 'any origin: the API trusts every one' : plan.attackerOrigin;
        const exploitHtml = copyableExploit(plan.finding.request, publishOn);
        const problem = plan.problem ?? (httpsProblem && plan.pageUrl?.protocol === 'https:' ? httpsProblem : null);
        if (!plan.pageUrl || problem) {
          proofs.push(notProven(plan, problem ?? 'not provable in a browser', exploitHtml));
          continue;
        }
        await browser.context.clearCookies();
        const cookies = targetCookies(plan.finding.request);
        if (cookies.length) await browser.context.addCookies(cookies);
        const page = await browser.context.newPage();
        try {
          proofs.push(await prove(page, plan, exploitHtml, options));
        } finally {
          await page.close();
        }
      }
      return proofs;
    } finally {
      await browser.close();
    }
  } finally {
    await servers.close();
  }
}
