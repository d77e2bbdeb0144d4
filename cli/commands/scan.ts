import { writeFile } from 'node:fs/promises';
import { CliError } from '../cli-error.ts';
import type { Io } from '../io.ts';
import { parse } from '../options.ts';
import { reportScan, scanComplete } from '../scan/report-scan.ts';
import { scan, SCAN_DEADLINE_MS, ScanUnreachableError } from '../scan/scan.ts';
import { REQUEST_DEADLINE_MS } from '../scan/send.ts';
import { printableJson, printableLine } from '../../experiments/terminal-text.ts';
import { probesFor } from '../scan/probes.ts';
import { provableFindings, reportProofs } from '../scan/prove-report.ts';

export const SCAN_HELP = `cors-lab scan URL [--origin ORIGIN] [--json OUT] [--prove [--show-secrets]]
  Probes your API for the CORS misconfigurations scanners such as CORScanner
  and Corsy look for (reflected Origin, null, prefix/suffix/substring
  matches, unescaped dots, any subdomain, http, third-party hosting, special
  characters, * with credentials, missing Vary: Origin), with plain HTTP
  requests (no browser), about ${probesFor(new URL('https://app.example.com')).length} of them, all to URL only,
  each within ${REQUEST_DEADLINE_MS / 1000} s (to its last header; bodies are not read),
  the whole scan within ${SCAN_DEADLINE_MS / 1000} s.
  A redirect is not followed: scan its target.
  Exit 0 when every probe was answered and nothing is found, 1 with findings,
  2 for bad input, an unreachable or redirecting URL, or an incomplete scan
  (probes without an answer) that found nothing.
  --origin ORIGIN   the origin your API is meant to trust (default: the URL's
                    own); the hostile origins are built from it
  --json OUT        write the findings as JSON to OUT
  --prove           run each finding's exploit in Chromium from the origin the
                    API trusted: proven (what the attacker page read, and the
                    page to copy) or not proven (what stopped it)
  --show-secrets    with --prove: print what the page read as it is (default:
                    likely secrets redacted)`;

function httpUrl(flag: string, text: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliError(`${flag}: expected ${what}, got ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError(`${flag}: expected ${what} (http or https), got ${JSON.stringify(text)}`);
  return url;
}

export async function scanCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('scan', args, {
    origin: { type: 'string' }, json: { type: 'string' }, help: { type: 'boolean' },
    prove: { type: 'boolean' }, 'show-secrets': { type: 'boolean' },
  }, true);
  if (values.help) return void io.out(`${SCAN_HELP}\n`), 0;
  if (positionals.length !== 1) throw new CliError(`scan: expected one URL, got ${positionals.length}\nSee: cors-lab scan --help`);
  const url = httpUrl('URL', positionals[0]!, 'an http or https URL such as https://api.example.com/items');
  const trusted = values.origin === undefined ? new URL(url.origin) : httpUrl('--origin', values.origin, 'an origin such as https://app.example.com');
  if (values.origin !== undefined && values.origin.replace(/\/$/, '') !== trusted.origin) {
    throw new CliError(`--origin: expected an origin (scheme, host and port only), got ${JSON.stringify(values.origin)}; did you mean ${trusted.origin}?`);
  }
  if (values.json === '') throw new CliError('--json: needs a file name');
  if (values['show-secrets'] && !values.prove) {
    throw new CliError('--show-secrets: only with --prove (it is about what the exploit page read)');
  }
  if (values.json) {
    // Find an unwritable output before sending anything.
    await writeFile(values.json, '').catch((error: NodeJS.ErrnoException) => {
      throw new CliError(`--json: cannot write ${values.json}: ${error.code ?? error.message}`);
    });
  }
  let report;
  try {
    report = await scan(url, trusted);
  } catch (error) {
    if (error instanceof ScanUnreachableError) throw new CliError(`URL: ${printableLine(error.message)}`);
    throw error;
  }
  io.out(reportScan(report));
  // Loaded on use: the browser's library only when a proof is asked for.
  const showSecrets = values['show-secrets'] ?? false;
  const proofs = values.prove && report.findings.length
    ? await (await import('../scan/prove.ts')).proveFindings(provableFindings(report), { showSecrets })
    : undefined;
  if (proofs) io.out(`\n${reportProofs(proofs)}`);
  if (values.json) {
    await writeFile(values.json, printableJson(proofs ? { ...report, proofs } : report));
    io.err(`wrote ${values.json}\n`);
  }
  if (report.findings.length) return 1;
  return scanComplete(report) ? 0 : 2;
}
