/**
 * The readable report of a probe: what `cors-lab probe` prints and the matchers quote. The server's header
 * lines, status and every other text of the network are printed with control characters escaped.
 */
import type { HeaderLines } from '../format/headers.ts';
import { printableLine, printableText } from '../format/terminal-text.ts';
import type { WireResponse } from '../runner/cdp-watch.ts';
import type { Cause, ProbeResult } from './probe-result.ts';
import { methodChangeOf, type Hop, type HopAnswer } from './redirect-chain.ts';
import { cookieWords } from './probe-cookies.ts';

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

/** One line: outcome, reason and cause; an allowed request a redirect turned into another method says so. */
export function probeSummary(result: ProbeResult): string {
  const why = result.reason ? `: ${result.reason}` : '';
  const cause = result.cause && result.cause !== 'cors' ? ` (not CORS: ${CAUSE_WORDS[result.cause]})` : '';
  const change = methodChangeOf(result.hops ?? []);
  const ran =
    change && result.outcome === 'allowed'
      ? ` as ${change.to}, not ${result.request.method} (${change.status} redirect)`
      : '';
  return `${result.outcome}${ran}${why}${cause}`;
}

/** The redirect chain, one hop a paragraph: request line, Origin sent, status and the CORS headers. */
function chain(hops: readonly Hop[], pad: string): string {
  return hops
    .map((hop, index) => {
      const moved = hop.methodChange;
      const change = moved ? ` (the ${moved.status} changed ${moved.from} to ${moved.to})` : '';
      const origin = printableLine(hop.origin ?? '(none)');
      const head = `${index + 1}. ${hop.method} ${printableLine(hop.url)}${change}, Origin: ${origin}`;
      const told = (got: HopAnswer | null): string =>
        got ? `${got.status}${lines(got.corsHeaders, `${pad}     `)}` : 'none';
      const preflight = hop.preflight ? `\n${pad}   preflight -> ${told(hop.preflight.answer)}` : '';
      const answer = told(hop.answer);
      return `${head}${preflight}\n${pad}   -> ${answer}`;
    })
    .join(`\n${pad}`);
}

/** `fix: false` leaves the fix out: several probes print one merged fix after the table instead. */
export function probeReport(result: ProbeResult, options: { fix?: boolean } = {}): string {
  const r = result.request;
  const pad = '            ';
  const from = r.origin === 'null' ? 'origin null (a sandboxed iframe)' : r.origin;
  const settings = [
    r.credentials !== 'same-origin' ? `, credentials ${r.credentials}` : '',
    r.mode !== 'cors' ? `, mode ${r.mode}` : '',
    r.insecure ? ', any TLS certificate accepted (--insecure)' : '',
  ].join('');
  const out = [`${r.method} ${r.url} from ${from}${settings}`];
  out.push(`  outcome   ${probeSummary(result)}${result.status !== null ? `, the page read status ${result.status}` : ''}`);
  if (result.console) out.push(`  console   ${printableLine(result.console)}`);
  if (result.preflight || result.preflightResponse) out.push(answer('  preflight OPTIONS -> ', result.preflightResponse, pad));
  else out.push('  preflight none sent');
  if (result.cookies) out.push(`  cookies   ${result.cookies.map(cookieWords).join(`\n${pad}`)}`);
  const hops = result.hops ?? [];
  const last = hops.at(-1);
  out.push(answer(`  response  ${last?.method ?? r.method} -> `, result.response, pad));
  if (hops.length > 1) out.push(`  hops      ${chain(hops, pad)}`);
  const e = result.explanation;
  out.push(`  verdict   ${indent(e.verdict, pad)}`);
  if (result.exposure) {
    const { readable, hidden, fix } = result.exposure;
    out.push(`  readable  ${readable.join(', ') || 'none'}`);
    if (hidden.length) out.push(`  hidden    ${hidden.map(printableLine).join(', ')}`);
    if (fix) out.push(`  expose    ${printableLine(fix)}   (name only what JavaScript needs)`);
  }
  // A redirect chain's fix is per hop and not merged after the table: it stays with its probe.
  const merged = result.fix !== undefined || result.withPermission?.fix !== undefined;
  const withFix = (options.fix ?? true) || !merged;
  if (e.fix && withFix) out.push(`  fix       ${indent(e.fix, pad)}`);
  else if (e.fix) out.push('  fix       see the fix of every probe, after the table');
  if (e.mdn) out.push(`  see       ${e.mdn}`);
  for (const then of result.thenResults ?? []) {
    const why = then.reason ? `: ${then.reason}` : '';
    const preflight = then.preflight
      ? 'a preflight was sent again'
      : 'no preflight sent (the preflight cache answered, or none was needed)';
    out.push(`  then      ${then.method} -> ${then.outcome}${why}, ${preflight}`);
  }
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
