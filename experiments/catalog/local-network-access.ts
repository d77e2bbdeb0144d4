/**
 * Local Network Access: a page on the public internet (the lab's `public`
 * origin, which the headless runner declares public to Chromium) calling an
 * API on loopback. Chromium asks the user's permission first and, without it,
 * refuses the request before any CORS check: nothing reaches the server and
 * no header can fix it. Measured in Chromium 156 (shared/browser-facts.md).
 * https://wicg.github.io/local-network-access/
 * https://developer.chrome.com/blog/local-network-access
 */
import type { ExperimentInput } from '../../format/schema.ts';

/** Local Network Access is Chromium's: Firefox and WebKit have neither the permission nor `targetAddressSpace`. */
const CHROMIUM_ONLY: ExperimentInput['engines'] = ['chromium'];
const WILDCARD = { 'Access-Control-Allow-Origin': '*' };
const PERMISSIVE_PREFLIGHT = { status: 204, headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': '*', 'Access-Control-Max-Age': '0' } };
const IN_YOUR_BROWSER =
  'In your own Chrome the lab\'s `public` origin is just another loopback address, so this block does not happen there; on a real public site Chrome shows a **permission prompt** ("... wants to look for and connect to any device on your local network"), and the request waits for the answer. To test it: Playwright `context.grantPermissions([\'local-network-access\'])`, or run the page from a public host.';

export const localNetworkAccess: ExperimentInput[] = [
  {
    id: 'lna-public-to-loopback-denied',
    title: 'A public page may not fetch from loopback without permission',
    group: 'local-network-access',
    engines: CHROMIUM_ONLY,
    explain: `A page served from a public address fetches \`http://localhost:5311\`. Chromium sees a request from the **public** address space to the **loopback** one and, without the user's Local Network Access permission, fails it with \`LocalNetworkAccessPermissionDenied\` before it is sent: the server sees nothing, although it answers \`Access-Control-Allow-Origin: *\`.\n\n**Fix:** the user grants the permission (Chrome prompts), or the API is served from a public address.\n\n${IN_YOUR_BROWSER}`,
    page: 'public',
    request: { target: 'api' },
    server: { actual: { headers: WILDCARD } },
    expect: { outcome: 'blocked', reason: 'LocalNetworkAccessPermissionDenied', preflight: false, reachedServer: false },
  },
  {
    id: 'lna-public-to-loopback-granted',
    title: 'With Local Network Access granted, the same request passes',
    group: 'local-network-access',
    engines: CHROMIUM_ONLY,
    explain: `The same request with the permission granted (\`browser.localNetworkAccess: "granted"\`): Chromium lets it through, and from there the ordinary CORS rules decide; \`Access-Control-Allow-Origin: *\` allows it.\n\n${IN_YOUR_BROWSER}`,
    page: 'public',
    browser: { localNetworkAccess: 'granted' },
    request: { target: 'api' },
    server: { actual: { headers: WILDCARD } },
    expect: { outcome: 'allowed', preflight: false, reachedServer: true, status: 200 },
  },
  {
    id: 'lna-cors-headers-do-not-help',
    title: 'No CORS header unlocks the local network',
    group: 'local-network-access',
    engines: CHROMIUM_ONLY,
    explain: `A PUT from the public page to a server whose preflight allows everything. The preflight is never sent: the permission is checked first, and it is the user's to give, not the server's. The old Private Network Access headers (\`Access-Control-Request-Private-Network\` / \`Access-Control-Allow-Private-Network\`) are gone from Chromium.\n\n**Fix:** the permission (the user), not a header.\n\n${IN_YOUR_BROWSER}`,
    page: 'public',
    request: { target: 'api', method: 'PUT', body: 'x' },
    server: { preflight: PERMISSIVE_PREFLIGHT, actual: { headers: WILDCARD } },
    expect: { outcome: 'blocked', reason: 'LocalNetworkAccessPermissionDenied', preflight: false, reachedServer: false },
  },
  {
    id: 'lna-granted-preflight-passes',
    title: 'Granted, a preflighted PUT goes through its preflight as usual',
    group: 'local-network-access',
    engines: CHROMIUM_ONLY,
    explain: `With the permission the PUT is preflighted as any cross-origin PUT is, and the permissive preflight lets it through.\n\n${IN_YOUR_BROWSER}`,
    page: 'public',
    browser: { localNetworkAccess: 'granted' },
    request: { target: 'api', method: 'PUT', body: 'x' },
    server: { preflight: PERMISSIVE_PREFLIGHT, actual: { headers: WILDCARD } },
    expect: { outcome: 'allowed', preflight: true, reachedServer: true },
  },
  {
    id: 'lna-granted-still-needs-cors',
    title: 'Granted is not CORS: the answer still needs Access-Control-Allow-Origin',
    group: 'local-network-access',
    engines: CHROMIUM_ONLY,
    explain: 'The permission only lets the request leave; the response still goes through the CORS check. Here the server sends no `Access-Control-Allow-Origin`, so the request reaches it and the answer is then blocked.\n\n**Fix:** `Access-Control-Allow-Origin: <page origin>` (or `*`).',
    page: 'public',
    browser: { localNetworkAccess: 'granted' },
    request: { target: 'api' },
    expect: { outcome: 'blocked', reason: 'MissingAllowOriginHeader', preflight: false, reachedServer: true },
  },
  {
    id: 'lna-target-address-space-loopback',
    title: 'targetAddressSpace: "loopback" declares the target correctly',
    group: 'local-network-access',
    engines: CHROMIUM_ONLY,
    explain: 'The fetch option `targetAddressSpace` tells the browser in advance which address space the request goes to (it lets Chrome ask for the permission before connecting, and is required for some mixed-content cases). Declared right and with the permission, the request passes.',
    page: 'public',
    browser: { localNetworkAccess: 'granted' },
    request: { target: 'api', targetAddressSpace: 'loopback' },
    server: { actual: { headers: WILDCARD } },
    expect: { outcome: 'allowed', preflight: false, reachedServer: true },
  },
  {
    id: 'lna-target-address-space-wrong',
    title: 'A wrong targetAddressSpace fails the request',
    group: 'local-network-access',
    engines: CHROMIUM_ONLY,
    explain: 'The page declares `targetAddressSpace: "local"` (a private network such as 192.168.x.x) but the server turns out to be on **loopback**. Chromium refuses the mismatch with `InvalidLocalNetworkAccess`, permission or not, and the request never reaches the server.\n\n**Fix:** `targetAddressSpace: "loopback"` for localhost, or leave the option out.',
    page: 'public',
    browser: { localNetworkAccess: 'granted' },
    request: { target: 'api', targetAddressSpace: 'local' },
    server: { actual: { headers: WILDCARD } },
    expect: { outcome: 'blocked', reason: 'InvalidLocalNetworkAccess', preflight: false, reachedServer: false },
  },
  {
    id: 'lna-target-address-space-wrong-preflighted',
    title: 'A wrong targetAddressSpace on a preflighted request: the preflight goes, the request does not',
    group: 'local-network-access',
    engines: CHROMIUM_ONLY,
    explain: 'Measured in Chromium 156: with the permission granted, a PUT declaring `targetAddressSpace: "local"` to a loopback server still sends its preflight (which passes), and then the actual request fails with `InvalidLocalNetworkAccess`. The server sees an OPTIONS request and nothing after it.\n\n**Fix:** `targetAddressSpace: "loopback"`, or leave the option out.',
    page: 'public',
    browser: { localNetworkAccess: 'granted' },
    request: { target: 'api', method: 'PUT', body: 'x', targetAddressSpace: 'local' },
    server: { preflight: PERMISSIVE_PREFLIGHT, actual: { headers: WILDCARD } },
    expect: { outcome: 'blocked', reason: 'InvalidLocalNetworkAccess', preflight: true, reachedServer: false },
  },
  {
    id: 'lna-loopback-page-needs-no-permission',
    title: 'A loopback page calling loopback needs no permission',
    group: 'local-network-access',
    explain: 'Local Network Access only guards requests **towards** a more private address space. `app` is itself on loopback, so its request to `api` (also loopback) needs no permission even with it denied: only CORS applies. This is why local development never shows the prompt and production (a public page calling a device or a local agent) does.',
    request: { target: 'api' },
    server: { actual: { headers: WILDCARD } },
    expect: { outcome: 'allowed', preflight: false, reachedServer: true },
  },
  {
    id: 'lna-target-address-space-wrong-in-development',
    title: 'A wrong targetAddressSpace fails even between loopback origins',
    group: 'local-network-access',
    engines: CHROMIUM_ONLY,
    explain: 'No permission is involved between two loopback origins, but Chromium still checks a declared `targetAddressSpace` against where the server really is: `"local"` for a `localhost` API fails with `InvalidLocalNetworkAccess`, so the mistake shows up already in local development. (For a public server Chromium ignores the option.)\n\n**Fix:** `targetAddressSpace: "loopback"` for localhost, or leave the option out.',
    request: { target: 'api', targetAddressSpace: 'local' },
    server: { actual: { headers: WILDCARD } },
    expect: { outcome: 'blocked', reason: 'InvalidLocalNetworkAccess', preflight: false, reachedServer: false },
  },
];
