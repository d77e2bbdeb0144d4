/**
 * The readable report of a probe in Firefox or WebKit (`cors-lab probe --browser`), beside Chromium's
 * (probe-text.ts): the verdict, the engine's reason and console line, what the page read, and what the engine
 * cannot tell. Text from the network is printed with control characters escaped.
 */
import { printableLine, printableText } from '../format/terminal-text.ts';
import { ENGINE_WORDS, type EngineProbeResult } from './engine-probe-result.ts';

const PAD = '            ';

/**
 * The title over Chromium's report when other engines ran too: its wire facts are Chromium's alone. (The engines'
 * versions are in `--json`'s records, `browser`, and not here: the report reads the same on every machine.)
 */
export const CHROMIUM_TITLE =
  "Chromium: the preflight, the headers, the hops, Local Network Access and the cookies are what its DevTools " +
  'Protocol shows; the other engines cannot tell them\n';

export function engineProbeReport(result: EngineProbeResult): string {
  const r = result.request;
  const name = ENGINE_WORDS[result.engine];
  const settings = [
    r.credentials !== 'same-origin' ? `, credentials ${r.credentials}` : '',
    r.mode !== 'cors' ? `, mode ${r.mode}` : '',
  ].join('');
  const why = result.reason ? `: ${result.reason}` : '';
  const layer = result.outcome === 'blocked' && result.decidedBy !== 'cors' ? ` (${name} named no CORS reason)` : '';
  const status = result.status !== null ? `, the page read status ${result.status}` : '';
  const out = [
    `${name}: ${r.method} ${r.url} from ${r.origin}${settings}`,
    `  outcome   ${result.outcome}${why}${layer}${status}`,
  ];
  if (result.console) out.push(`  console   ${printableLine(result.console)}`);
  if (result.pageError) out.push(`  page      ${printableLine(result.pageError)}`);
  if (result.outcome === 'allowed') {
    out.push(`  readable  ${Object.keys(result.readableHeaders).map(printableLine).join(', ') || 'no header'}`);
  }
  for (const then of result.thenResults ?? []) {
    out.push(`  then      ${then.method} -> ${then.outcome}${then.reason ? `: ${then.reason}` : ''}`);
  }
  const ask = "(Chromium's DevTools Protocol tells these: --browser chromium)";
  out.push(`  unknown   ${result.cannotTell.join(`;\n${PAD}`)}\n${PAD}${ask}`);
  return printableText(`${out.join('\n')}\n`);
}
