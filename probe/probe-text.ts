/**
 * The readable report of a probe: what `cors-lab probe` prints and the matchers quote. The server's header
 * lines, status and every other text of the network are printed with control characters escaped.
 */
import type { HeaderLines } from '../experiments/headers.ts';
import { printableLine, printableText } from '../experiments/terminal-text.ts';
import type { WireResponse } from './network-watch.ts';
import type { Cause, ProbeResult } from './probe-result.ts';

export const indent = (text: string, pad: string): string => text.split('\n').join(`\n${pad}`);
const headerLine = ([name, value]: [string, string], pad: string): string =>
  `\n${pad}${printableLine(name)}: ${printableLine(value)}`;
const lines = (headers: HeaderLines, pad: string): string =>
  headers.length ? headers.map((line) => headerLine(line, pad)).join('') : `\n${pad}(no headers)`;

function answer(label: string, response: WireResponse | null, pad: string): string {
  return response ? `${label}${response.status}${lines(response.headers, pad)}` : `${label}none`;
}

const CAUSE_WORDS: Record<Cause, string> = {
  cors: 'CORS',
  'local-network-access': 'Local Network Access',
  'mixed-content': 'mixed content',
  'connection-refused': 'connection refused',
  tls: 'TLS',
  network: 'network error',
};

/** One line: outcome, reason and cause. */
export function probeSummary(result: ProbeResult): string {
  const why = result.reason ? `: ${result.reason}` : '';
  const cause = result.cause && result.cause !== 'cors' ? ` (not CORS: ${CAUSE_WORDS[result.cause]})` : '';
  return `${result.outcome}${why}${cause}`;
}

/** `fix: false` leaves the fix out: several probes print one merged fix after the table instead. */
export function probeReport(result: ProbeResult, options: { fix?: boolean } = {}): string {
  const r = result.request;
  const pad = '            ';
  const out = [`${r.method} ${r.url} from ${r.origin}${r.credentials !== 'same-origin' ? `, credentials ${r.credentials}` : ''}${r.mode !== 'cors' ? `, mode ${r.mode}` : ''}`];
  out.push(`  outcome   ${probeSummary(result)}${result.status !== null ? `, the page read status ${result.status}` : ''}`);
  if (result.console) out.push(`  console   ${printableLine(result.console)}`);
  if (result.preflight || result.preflightResponse) out.push(answer('  preflight OPTIONS -> ', result.preflightResponse, pad));
  else out.push('  preflight none sent');
  out.push(answer(`  response  ${r.method} -> `, result.response, pad));
  const e = result.explanation;
  out.push(`  verdict   ${indent(e.verdict, pad)}`);
  const withFix = options.fix ?? true;
  if (e.fix && withFix) out.push(`  fix       ${indent(e.fix, pad)}`);
  else if (e.fix) out.push('  fix       see the fix of every probe, after the table');
  if (e.mdn) out.push(`  see       ${e.mdn}`);
  const behind = result.withPermission;
  if (behind) {
    out.push(`  once the user allows local network access: ${probeSummary(behind)}`);
    if (behind.explanation.fix && withFix) out.push(`  then fix  ${indent(behind.explanation.fix, pad)}`);
  }
  return printableText(`${out.join('\n')}\n`);
}

/** The origins-by-methods table printed after several probes. */
export function probeMatrix(results: readonly ProbeResult[]): string {
  const methods = [...new Set(results.map((r) => r.request.method))];
  const origins = [...new Set(results.map((r) => r.request.origin))];
  const width = Math.max(6, ...origins.map((o) => o.length));
  const cell = (origin: string, method: string): string => {
    const found = results.find((r) => r.request.origin === origin && r.request.method === method);
    return found ? probeSummary(found) : '-';
  };
  const widths = methods.map((m) => Math.max(m.length, ...origins.map((o) => cell(o, m).length)));
  const row = (first: string, cells: string[]): string => `${first.padEnd(width)}  ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd();
  const rows = [row('origin', methods), ...origins.map((o) => row(o, methods.map((m) => cell(o, m))))];
  return printableText(`${rows.join('\n')}\n`);
}
