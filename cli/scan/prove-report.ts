/**
 * `scan --prove` in the scan's output: the findings as `proveFindings` takes
 * them, and what the proof says, with the exploit page to copy. What the API
 * sent is printed escaped (terminal-text.ts): it cannot drive the terminal.
 */
import { count } from '../plural.ts';
import { printableLine, printableText } from '../../format/terminal-text.ts';
import type { Proof, ProvableFinding, ProvableRequest } from './prove.ts';
import type { ScanReport } from './scan.ts';

const CREDENTIALS_TRUE = /^access-control-allow-credentials:\s*true\s*$/i;

/**
 * The scan's findings as requests to replay: each carries the request that showed it (method,
 * headers, cookie), credentialed when it was or when the API said it allows credentials: an
 * attacker's page sends the victim's cookies whenever that lets it read more. An `info` finding
 * (a preflight echoing the headers asked for, the origin check right) gives no read to prove.
 */
export function provableFindings(report: ScanReport): ProvableFinding[] {
  return report.findings
    .filter((finding) => finding.severity !== 'info')
    .map(({ id, request, evidence }) => ({
      id,
      request: {
        ...request,
        headers: { ...request.headers },
        credentials: request.credentials || evidence.response.some((line) => CREDENTIALS_TRUE.test(line)),
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
