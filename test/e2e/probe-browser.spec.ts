/**
 * The probe in every engine, against an API of this test's own on loopback: `cors.probe({ browser })` in real
 * Firefox (firefox-esr over BiDi) and real WebKit (WebKitGTK through WebKitWebDriver), and `cors-lab probe
 * --browser`: each engine's verdict, its own reason and console line, a line where the engines disagree, the
 * engine in every JSON record, and named errors for a bad value, an option only Chromium has and an engine that
 * is not installed.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '../../api/playwright.ts';
import { probe } from '../../api/index.ts';
import { main } from '../../cli/main.ts';
import type { EngineProbeResult } from '../../probe/engine-probe-result.ts';
import { paced } from '../pace/machine-pace.ts';
import { startApi, type ApiServer } from './probe-servers.ts';

const ORIGIN = 'http://localhost:3000';
const ACAO = 'Access-Control-Allow-Origin';
let api: ApiServer;

test.beforeAll(async () => {
  api = await startApi({
    '/none': { actual: {} },
    '/exact': { actual: { headers: { [ACAO]: ORIGIN, 'Access-Control-Expose-Headers': 'X-Total', 'X-Total': '1' } } },
    '/items': {
      preflight: { headers: { [ACAO]: ORIGIN, 'Access-Control-Allow-Methods': 'GET' } },
      actual: { headers: { [ACAO]: '{reflect}' } },
    },
    '/wildcard': { actual: { headers: { [ACAO]: '*' } } },
  });
});
test.afterAll(() => api.close());

function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t), interactive: false };
  return main(['probe', ...args], io).then((code) => ({ code, out, err }));
}

/** The message of a matcher that must fail. */
function failure(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the assertion passed; it should have failed');
}

const ENGINES = [
  {
    engine: 'firefox',
    reason: 'CORSMissingAllowOrigin',
    console: (url: string) =>
      'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ' +
      `${url}. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.`,
  },
  {
    engine: 'webkit',
    reason: 'WebKitAllowOriginNotAllowed',
    console: () =>
      `CONSOLE SECURITY ERROR Origin ${ORIGIN} is not allowed by Access-Control-Allow-Origin. Status code: 200`,
  },
] as const;

test.describe.configure({ mode: 'serial' });

for (const { engine, reason, console: line } of ENGINES) {
  test(`cors.probe({ browser: '${engine}' }): blocked, with ${engine}'s reason and console line`, async ({ cors }) => {
    test.setTimeout(paced(120_000));
    const url = `${api.url}/none`;
    const result: EngineProbeResult = await cors.probe({ url, origin: ORIGIN, browser: engine });
    expect(result.engine).toBe(engine);
    expect(result.outcome).toBe('blocked');
    expect(result.reason).toBe(reason);
    expect(result.console).toBe(line(url));
    expect(result.decidedBy).toBe('cors');
    expect(result.browser).toMatch(new RegExp(`^${engine} \\d+`));
    // The request reached the server from a page at ORIGIN: nothing ran there, its Origin was sent.
    expect(api.origins.at(-1)).toBe(ORIGIN);
    expect(result).toBeBlockedBy(reason);
    expect(result).not.toBeAllowed();
    const message = failure(() => expect(result).toBeAllowed());
    expect(message).toContain(`Received: blocked by CORS (${reason})`);
    expect(message).toContain(`(${engine === 'firefox' ? 'Firefox' : 'WebKit'}'s reason: ${reason})`);
    expect(message).toContain(`Console:  ${line(url)}`);
    // The preflight is Chromium's fact: the matcher fails with and without .not, and says why.
    expect(failure(() => expect(result).toHavePreflight())).toContain('cannot tell');
    expect(failure(() => expect(result).not.toHavePreflight())).toContain('cannot tell');
  });

  test(`cors.probe({ browser: '${engine}' }): allowed, the exposed header readable`, async ({ cors }) => {
    test.setTimeout(paced(120_000));
    const result = await cors.probe({ url: `${api.url}/exact`, origin: ORIGIN, browser: engine });
    expect(result.outcome).toBe('allowed');
    expect(result.reason).toBeNull();
    expect(result.console).toBeNull();
    expect(result.status).toBe(200);
    expect(Object.keys(result.readableHeaders)).toContain('x-total');
    expect(result).toBeAllowed();
    expect(result).toExposeHeader('X-Total');
  });
}

test('probe --browser all: each engine\'s reason and console line, Chromium\'s wire labelled, --json', async () => {
  test.setTimeout(paced(180_000));
  const file = join(await mkdtemp(join(tmpdir(), 'probe-browser-')), 'out.json');
  const url = `${api.url}/items`;
  const { code, out } = await cli(url, '--origin', ORIGIN, '--method', 'PUT', '--browser', 'all', '--json', file);
  expect(code).toBe(1);
  expect(out).toMatch(/^Chromium: the preflight, the headers, the hops/m);
  expect(out).toContain('outcome   blocked: MethodDisallowedByPreflightResponse');
  expect(out).toContain(`Firefox: PUT ${url} from ${ORIGIN}`);
  expect(out).toContain('outcome   blocked: CORSMethodNotFound');
  expect(out).toContain('(Reason: Did not find method in CORS header ‘Access-Control-Allow-Methods’)');
  expect(out).toContain(`WebKit: PUT ${url} from ${ORIGIN}`);
  expect(out).toContain('outcome   blocked: WebKitMethodNotAllowed');
  expect(out).toContain('console   CONSOLE SECURITY ERROR Method PUT is not allowed by Access-Control-Allow-Methods.');
  expect(out).toContain('unknown   whether a preflight was sent, and the headers the server sent');
  // All three blocked: no disagreement to report.
  expect(out).not.toContain('engines disagree');
  type EngineRecord = { engine: string; reason?: string; observed?: { reason: string } };
  const records = JSON.parse(await readFile(file, 'utf8')) as EngineRecord[];
  expect(records.map((r) => r.engine)).toEqual(['chromium', 'firefox', 'webkit']);
  expect(records.map((r) => r.observed?.reason ?? r.reason)).toEqual([
    'MethodDisallowedByPreflightResponse', 'CORSMethodNotFound', 'WebKitMethodNotAllowed',
  ]);
});

test('probe --browser firefox,webkit: where the engines disagree, the output says so', async () => {
  test.setTimeout(paced(180_000));
  // An https page calling an http loopback API: Firefox lets it through (loopback is potentially trustworthy),
  // WebKit blocks it as mixed content and names no CORS reason.
  const args = ['--origin', 'https://app.example', '--browser', 'firefox,webkit'];
  const { code, out } = await cli(`${api.url}/wildcard`, ...args);
  expect(code).toBe(1);
  expect(out).toMatch(/^Firefox: [^\n]*\n {2}outcome {3}allowed, the page read status 200$/m);
  expect(out).toMatch(/^WebKit: [^\n]*\n {2}outcome {3}blocked \(WebKit named no CORS reason\)$/m);
  expect(out).toContain('engines disagree: Firefox allowed, WebKit blocked');
  expect(out).not.toContain('Chromium: the preflight');
});

test('probe --browser: a bad value, an option of Chromium only, an engine not installed: named, exit 2', async () => {
  const bad = await cli(`${api.url}/none`, '--origin', ORIGIN, '--browser', 'safari');
  expect(bad.code).toBe(2);
  expect(bad.err).toContain('--browser: unknown engine "safari" (chromium, firefox, webkit, all)');
  const onlyChromium = await cli(`${api.url}/none`, '--origin', 'null', '--browser', 'chromium,webkit');
  expect(onlyChromium.code).toBe(2);
  const nullOrigin = 'a probe from origin null runs in Chromium only (browser chromium), not in WebKit';
  expect(onlyChromium.err).toContain(`probe: --origin: ${nullOrigin}`);
  const saved = process.env.FIREFOX_PATH;
  process.env.FIREFOX_PATH = '/nonexistent/firefox';
  try {
    const missing = await cli(`${api.url}/none`, '--origin', ORIGIN, '--browser', 'all');
    expect(missing.code).toBe(2);
    const named = 'probe: --browser: firefox is not installed: FIREFOX_PATH=/nonexistent/firefox does not exist.';
    expect(missing.err).toContain(named);
    expect(missing.err).toContain('sudo apt-get install -y --no-install-recommends firefox-esr');
    expect(missing.err).toContain('See README "Getting a browser"');
    expect(missing.out).toBe('');
  } finally {
    if (saved === undefined) delete process.env.FIREFOX_PATH;
    else process.env.FIREFOX_PATH = saved;
  }
});

test('the library\'s probe({ browser: \'webkit\' }) launches WebKit for the call and gives its reason', async () => {
  test.setTimeout(paced(120_000));
  const result = await probe({ url: `${api.url}/none`, origin: ORIGIN, browser: 'webkit' });
  expect(result.engine).toBe('webkit');
  expect(result.reason).toBe('WebKitAllowOriginNotAllowed');
  expect(result.cannotTell.length).toBeGreaterThan(0);
});

test('cors.probe refuses localNetworkAccess in another engine (Chromium\'s policy) and an unknown browser', async ({ cors }) => {
  const url = `${api.url}/none`;
  await expect(cors.probe({ url, origin: ORIGIN, browser: 'firefox', localNetworkAccess: 'denied' })).rejects.toThrow(
    "cors.probe(): localNetworkAccess: Chromium's only, not firefox's",
  );
  const safari = 'safari' as unknown as 'webkit';
  await expect(cors.probe({ url, origin: ORIGIN, browser: safari })).rejects.toThrow(
    'unknown engine "safari" (chromium, firefox, webkit)',
  );
});
