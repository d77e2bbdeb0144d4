/**
 * Format 1.2: Cross-Origin-Resource-Policy, a server's way to refuse being embedded by no-cors loads from
 * other origins or sites (Spectre-era protection: a response the page never reads can still end up in its
 * process). CORS requests are checked by CORS instead.
 * https://fetch.spec.whatwg.org/#cross-origin-resource-policy-header
 */
import type { ExperimentInput } from '../../format/schema.ts';

const corp = (value: string) => ({ actual: { headers: { 'Cross-Origin-Resource-Policy': value } } });
const CORP = 'https://fetch.spec.whatwg.org/#cross-origin-resource-policy-internal-check';

export const corpGroup: ExperimentInput[] = [
  {
    id: 'corp-same-origin-refuses-other-origin',
    title: 'Cross-Origin-Resource-Policy: same-origin refuses an <img> from another origin of the same site',
    group: 'corp',
    explain:
      `The image on \`api\` answers with \`Cross-Origin-Resource-Policy: same-origin\`. The page on \`app\` is the same site but another origin (another port), so the browser drops the response before the page gets it: the request reached the server, the image fires \`error\`. ${CORP}\n\n**Fix:** \`Cross-Origin-Resource-Policy: same-site\` (enough here) or \`cross-origin\` if any site may embed it.`,
    request: { api: 'img', target: 'api' },
    server: corp('same-origin'),
    expect: { outcome: 'blocked', reason: 'corp-not-same-origin', reachedServer: true, loaded: false },
  },
  {
    id: 'corp-same-site-allows-same-site',
    title: 'Cross-Origin-Resource-Policy: same-site lets the same site embed it',
    group: 'corp',
    explain: 'The same image with `Cross-Origin-Resource-Policy: same-site`: `app` and `api` are both `http://localhost`, one site, so the image loads.',
    request: { api: 'img', target: 'api' },
    server: corp('same-site'),
    expect: { outcome: 'allowed', reason: null, loaded: true },
  },
  {
    id: 'corp-same-site-refuses-other-site',
    title: 'Cross-Origin-Resource-Policy: same-site refuses another site',
    group: 'corp',
    explain:
      '`partner` (`127.0.0.1`) is another site than the page (`localhost`), so `same-site` refuses it: `corp-not-same-site`.\n\n**Fix:** `Cross-Origin-Resource-Policy: cross-origin` if other sites may embed the image.',
    request: { api: 'img', target: 'partner' },
    server: corp('same-site'),
    expect: { outcome: 'blocked', reason: 'corp-not-same-site', reachedServer: true, loaded: false },
  },
  {
    id: 'corp-cross-origin-allows-any-site',
    title: 'Cross-Origin-Resource-Policy: cross-origin lets any site embed it',
    group: 'corp',
    explain: 'With `Cross-Origin-Resource-Policy: cross-origin` the server says every site may embed the image: it loads from `partner`. The page still cannot read its pixels (no CORS): CORP only decides whether the bytes may reach the page at all.',
    request: { api: 'img', target: 'partner' },
    server: corp('cross-origin'),
    expect: { outcome: 'allowed', reason: null, loaded: true, canvasTainted: true },
  },
  {
    id: 'corp-same-origin-own-origin-loads',
    title: 'Cross-Origin-Resource-Policy: same-origin never refuses the page\'s own origin',
    group: 'corp',
    explain: 'The image is on `app`, the page\'s own origin: `same-origin` is satisfied and the image loads. A server can send `same-origin` on everything meant only for its own pages.',
    request: { api: 'img', target: 'app' },
    server: corp('same-origin'),
    expect: { outcome: 'allowed', reason: null, loaded: true, canvasTainted: false },
  },
  {
    id: 'corp-same-origin-refuses-script',
    title: 'Cross-Origin-Resource-Policy: same-origin refuses a no-cors <script> too',
    group: 'corp',
    explain:
      'CORP applies to every no-cors load, not only images: the script from `partner` with `same-origin` never runs. This is how a server keeps, say, a JSON file with user data out of other sites\' processes.\n\n**Fix:** `Cross-Origin-Resource-Policy: cross-origin` for a script meant to be embedded everywhere (a public library).',
    request: { api: 'script', target: 'partner' },
    server: corp('same-origin'),
    expect: { outcome: 'blocked', reason: 'corp-not-same-origin', reachedServer: true, loaded: false },
  },
  {
    id: 'corp-does-not-apply-to-cors-load',
    title: 'A CORS load is checked by CORS, not by Cross-Origin-Resource-Policy',
    group: 'corp',
    explain:
      'The image answers `Cross-Origin-Resource-Policy: same-origin` and `Access-Control-Allow-Origin: *`, and the page asks with `crossorigin="anonymous"`. The CORP check is only for no-cors requests: here the server\'s CORS headers decide, and the image loads (readable: the canvas stays clean).',
    request: { api: 'img', target: 'partner', crossorigin: 'anonymous' },
    server: { actual: { headers: { 'Cross-Origin-Resource-Policy': 'same-origin', 'Access-Control-Allow-Origin': '*' } } },
    expect: { outcome: 'allowed', reason: null, loaded: true, canvasTainted: false },
  },
  // After fetch/cross-origin-resource-policy/fetch (WPT): the policy is checked on every answer, redirects included.
  {
    id: 'corp-redirect-hop-same-origin',
    title: 'Cross-Origin-Resource-Policy on a redirect\'s answer stops an <img> there',
    group: 'corp',
    explain:
      `An \`<img>\` from \`api\`, which redirects to \`api2\` and sends \`Cross-Origin-Resource-Policy: same-origin\` on the redirect itself. The policy is checked on each answer of a no-cors request, the redirect's too, so the image fails at the first hop and \`api2\` is never asked: \`corp-not-same-origin\`. WebKit words it as a refused redirect. ${CORP}\n\n**Fix:** \`Cross-Origin-Resource-Policy: same-site\` on the redirect (the page and \`api\` are one site).`,
    request: { api: 'img', target: 'api' },
    server: { redirects: [{ to: 'api2', headers: { 'Cross-Origin-Resource-Policy': 'same-origin' } }] },
    expect: { outcome: 'blocked', reason: 'corp-not-same-origin', reachedServer: false, loaded: false },
  },
  {
    id: 'corp-redirect-hop-same-site',
    title: 'Cross-Origin-Resource-Policy: same-site on the redirect lets the <img> through',
    group: 'corp',
    explain: 'The fixed twin of `corp-redirect-hop-same-origin`: the redirect says `same-site`, and `app` and `api` are one site, so the image follows it to `api2` and loads.',
    request: { api: 'img', target: 'api' },
    server: { redirects: [{ to: 'api2', headers: { 'Cross-Origin-Resource-Policy': 'same-site' } }] },
    expect: { outcome: 'allowed', reason: null, reachedServer: true, loaded: true },
  },
];
