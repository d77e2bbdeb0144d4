/**
 * `scan --prove` in the scan's output: the findings as `proveFindings` takes
 * them, and what the proof says, with the exploit page to copy. What the API
 * sent is printed escaped (terminal-text.ts): it cannot drive the terminal.
 */
import { count } from '../plural.ts';
import { printableLine, printableText } from '../../experiments/terminal-text.ts';
import type { Proof, ProvableFinding, ProvableRequest } from './prove.ts';
import type { ScanReport } from './scan.ts';

const CREDENTIALS_TRUE = /^access-control-allow-credentials:\s*true\s*$/i;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Scan's `Finding.request` (the scan work adds it): the request it sent, method, headers and cookie included. */
function sentRequest(finding: object): ProvableRequest | null {
  const request = 'request' in finding ? finding.request : undefined;
  if (!isRecord(request) || !isRecord(request.headers)) return null;
  const { url, method, origin, credentials, cookie, headers } = request;
  const strings = [url, method, origin].every((value) => typeof value === 'string');
  if (!strings || typeof credentials !== 'boolean') return null;
  const headerList = Object.entries(headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return {
    url: String(url), method: String(method), origin: String(origin), credentials,
    headers: Object.fromEntries(headerList), ...(typeof cookie === 'string' ? { cookie } : {}),
  };
}

/**
 * The scan's findings as requests to replay: the request the finding says it sent when it
 * carries one; else the GET the scan sends, with the finding's Origin, credentialed when the
 * API said it allows credentials.
 */
export function provableFindings(report: ScanReport): ProvableFinding[] {
  return report.findings.map((finding) => ({
    id: finding.id,
    request: sentRequest(finding) ?? {
      url: report.url,
      method: 'GET',
      headers: {},
      origin: finding.origin,
      credentials: finding.evidence.response.some((line) => CREDENTIALS_TRUE.test(line)),
    },
  }));
}

const INDENT = '           ';

export function reportProofs(proofs: readonly Proof[]): string {
  const lines = ['Proof in Chromium (scan --prove):', ''];
  for (const proof of proofs) {
    const from = proof.attackerOrigin === 'null' ? 'a sandboxed page (Origin: null)'
      : printableLine(proof.attackerOrigin);
    lines.push(`${proof.verdict.toUpperCase().padEnd(INDENT.length - 1)} ${proof.id} from ${from}: ${proof.why}`);
    if (proof.read !== null) lines.push(`${INDENT}read: ${proof.read}`);
    if (proof.console) lines.push(`${INDENT}console: ${proof.console}`);
    if (proof.verdict === 'proven') {
      lines.push(`${INDENT}exploit page (copy it; lines between the markers):`, `----- ${proof.id} -----`);
      lines.push(proof.exploitHtml.trimEnd(), `----- end of ${proof.id} -----`);
    }
    lines.push('');
  }
  const proven = proofs.filter((p) => p.verdict === 'proven').length;
  const summary = `${proven} of ${count(proofs.length, 'finding')} proven`;
  lines.push(`${summary}: a page on the attacker's origin read the answer.`);
  if (proven < proofs.length) {
    lines.push('Not proven is not "safe": it says what stopped this exploit in this browser.');
  }
  return printableText(`${lines.join('\n')}\n`);
}
