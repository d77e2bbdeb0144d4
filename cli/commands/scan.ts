import { readFile, stat, writeFile } from 'node:fs/promises';
import { CliError } from '../cli-error.ts';
import { readProcessInput, type Io } from '../io.ts';
import { parse } from '../options.ts';
import { REQUEST_DEADLINE_MS, SCAN_DEADLINE_MS } from '../scan/deadlines.ts';
import type { ScanReport } from '../scan/scan.ts';
import type { Proof } from '../scan/prove.ts';
import { scanCookie, scanHeaders, scanMethods } from '../scan/request-flags.ts';
import { SUBDOMAIN_HOSTING } from '../scan/third-party-hosting.ts';
import { httpUrl, MAX_URLS, urlList } from '../scan/url-list.ts';
import { printableJson, printableLine } from '../../format/terminal-text.ts';
import { provableFindings, reportProofs } from '../scan/prove-report.ts';

export const SCAN_HELP = `cors-lab scan URL... [--urls FILE|-] [--origin ORIGIN] [-X METHOD]... [-H 'Name: value']...
              [--cookie 'a=b'] [--trusted-third-party HOST]... [--json OUT] [--sarif OUT] [--junit OUT] [--github]
  Probes your API for the CORS misconfigurations CORScanner, Corsy and
  PortSwigger's labs look for (reflected Origin, null, prefix/suffix/substring
  matches, unescaped dots, any subdomain, http, third-party hosting, special
  characters, reflected request headers and methods, * with credentials, * on
  an authenticated endpoint, invalid or fixed third-party Allow-Origin,
  missing Vary: Origin), with plain HTTP requests (no browser): each hostile
  Origin as the request and as its preflight, all to URL only, one at a time,
  each within ${REQUEST_DEADLINE_MS / 1000} s (to its last header; bodies are not read), each URL
  within ${SCAN_DEADLINE_MS / 1000} s. A redirect is not followed: scan its target.
  Exit 0: every URL answered the baseline with CORS headers, every probe was
  answered, nothing found; 1: findings; 2: bad input; 3: no findings, but a
  URL tested nothing (unreachable, a redirect, 401/403, 404, 5xx, no CORS
  header for the trusted origin, probes without an answer).
  --origin ORIGIN      the origin your web app calls the API from; the
                       hostile origins are built from it (default: the URL's
                       own, assumed, and said so)
  -X, --method M       the request's method (repeatable; default GET)
  -H, --header 'N: v'  a header sent with each request (repeatable)
  --cookie 'a=b; c=d'  the cookie of a logged-in user, sent with each request
  --urls FILE          more URLs, one a line, # comments ('-': stdin; at most ${MAX_URLS})
  --trusted-third-party HOST
                       a hosting suffix where anyone gets a subdomain, added to
                       the built-in ${SUBDOMAIN_HOSTING.length} (github.io, ...) (repeatable)
  --json OUT           the reports as JSON (cookie and Authorization values as ...)
  --sarif OUT          SARIF 2.1.0, one rule per class
  --junit OUT          JUnit XML, one test case per class and URL
  --github             GitHub Actions annotations after the table
  --prove              run each finding's exploit in Chromium from the origin the
                       API trusted: proven (what the attacker page read, and the
                       page to copy) or not proven (what stopped it)
  --show-secrets       with --prove: print what the page read as it is (default:
                       likely secrets redacted)`;

/** A suffix as a host name: what a URL parser keeps unchanged as a host. */
function hostingSuffix(text: string): string {
  const ok =
    /^[a-z0-9.-]+$/i.test(text) &&
    !text.startsWith('.') &&
    text.includes('.') &&
    URL.canParse(`https://${text}/`) &&
    new URL(`https://${text}/`).hostname === text.toLowerCase();
  if (!ok)
    throw new CliError(
      `--trusted-third-party: expected a host suffix such as pages.example-host.com, got ${JSON.stringify(text)}`,
    );
  return text.toLowerCase();
}

/** Checks an output file is writable before anything is sent. */
async function writable(flag: string, file: string | undefined): Promise<void> {
  if (file === undefined) return;
  if (file === '') throw new CliError(`${flag}: needs a file name`);
  await writeFile(file, '').catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`${flag}: cannot write ${file}: ${error.code ?? error.message}`);
  });
}

/** A URL list's most bytes: 100 long URLs and their comments fit many times over. */
const MAX_LIST_BYTES = 1_000_000;

async function listedUrls(file: string | undefined, io: Io): Promise<URL[]> {
  if (file === undefined) return [];
  const tooBig = (size: number): CliError =>
    new CliError(`--urls ${file === '-' ? 'stdin' : file}: ${size} bytes, more than a list of ${MAX_URLS} URLs needs`);
  if (file === '-') {
    const text = await (io.readInput ?? readProcessInput)();
    if (text.length > MAX_LIST_BYTES) throw tooBig(text.length);
    return urlList(text, 'stdin');
  }
  const cannot = (error: NodeJS.ErrnoException): never => {
    throw new CliError(`--urls: cannot read ${file}: ${error.code ?? error.message}`);
  };
  const { size } = await stat(file).catch(cannot);
  if (size > MAX_LIST_BYTES) throw tooBig(size);
  return urlList(await readFile(file, 'utf8').catch(cannot), file);
}

const FLAGS = {
  origin: { type: 'string' },
  method: { type: 'string', short: 'X', multiple: true },
  header: { type: 'string', short: 'H', multiple: true },
  cookie: { type: 'string' },
  urls: { type: 'string' },
  'trusted-third-party': { type: 'string', multiple: true },
  json: { type: 'string' },
  sarif: { type: 'string' },
  junit: { type: 'string' },
  github: { type: 'boolean' },
  prove: { type: 'boolean' },
  'show-secrets': { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

export async function scanCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('scan', args, FLAGS, true);
  if (values.help) return (void io.out(`${SCAN_HELP}\n`), 0);
  const example = 'an http or https URL such as https://api.example.com/items';
  const urls = [...positionals.map((text) => httpUrl('URL', text, example)), ...(await listedUrls(values.urls, io))];
  if (urls.length === 0)
    throw new CliError('scan: expected a URL (or --urls FILE), got none\nSee: cors-lab scan --help');
  if (urls.length > MAX_URLS) throw new CliError(`scan: ${urls.length} URLs, more than the ${MAX_URLS} one scan takes`);
  const trusted =
    values.origin === undefined
      ? null
      : httpUrl('--origin', values.origin, 'an origin such as https://app.example.com');
  if (trusted && values.origin!.replace(/\/$/, '') !== trusted.origin) {
    throw new CliError(
      `--origin: expected an origin (scheme, host and port only), got ${JSON.stringify(values.origin)}; did ` +
        `you mean ${trusted.origin}?`,
    );
  }
  const options = {
    trusted,
    methods: scanMethods(values.method ?? []),
    headers: scanHeaders(values.header ?? []),
    ...(values.cookie === undefined ? {} : { cookie: scanCookie(values.cookie) }),
    thirdParty: (values['trusted-third-party'] ?? []).map(hostingSuffix),
  };
  if (values['show-secrets'] && !values.prove) {
    throw new CliError('--show-secrets: only with --prove (it is about what the exploit page read)');
  }
  await writable('--json', values.json);
  await writable('--sarif', values.sarif);
  await writable('--junit', values.junit);

  // The scan and its reports (with the Public Suffix List) load once the input is known good: --help stays quick.
  const { scan } = await import('../scan/scan.ts');
  const { reportScan, scanExitCode } = await import('../scan/report-scan.ts');
  const { reportScanGithub } = await import('../scan/report-scan-github.ts');
  const { reportScanJunit } = await import('../scan/report-scan-junit.ts');
  const { reportScanSarif } = await import('../scan/report-scan-sarif.ts');
  const { redactedFinding } = await import('../scan/finding.ts');
  const reports: ScanReport[] = [];
  for (const url of urls) reports.push(await scan(url, options));
  io.out(reportScan(reports));
  if (values.github) io.out(reportScanGithub(reports));
  // Loaded on use: the browser's library only when a proof is asked for.
  const showSecrets = values['show-secrets'] ?? false;
  const proofs = new Map<ScanReport, Proof[]>();
  for (const report of values.prove ? reports : []) {
    const findings = provableFindings(report);
    if (findings.length === 0) continue;
    const proved = await (await import('../scan/prove.ts')).proveFindings(findings, { showSecrets });
    proofs.set(report, proved);
    io.out(`\n${reports.length > 1 ? `${printableLine(report.url)}\n` : ''}${reportProofs(proved)}`);
  }
  const outputs: Array<[string | undefined, () => string]> = [
    [
      values.json,
      () =>
        printableJson(
          reports.map((r) => ({
            ...r,
            findings: r.findings.map(redactedFinding),
            ...(proofs.has(r) ? { proofs: proofs.get(r) } : {}),
          })),
        ),
    ],
    [values.sarif, () => printableJson(reportScanSarif(reports))],
    [values.junit, () => reportScanJunit(reports)],
  ];
  for (const [file, text] of outputs) {
    if (file === undefined) continue;
    await writeFile(file, text());
    io.err(`wrote ${printableLine(file)}\n`);
  }
  return scanExitCode(reports);
}
