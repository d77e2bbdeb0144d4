/** Runs the scan: every probe, one at a time, to the one URL given. */
import { findingsOf, type Finding } from './findings.ts';
import { probesFor } from './probes.ts';
import { REQUEST_TIMEOUT_MS, send, type Answer } from './send.ts';

export interface ScanReport {
  url: string;
  /** The origin the API is meant to trust; probes are built from it. */
  trustedOrigin: string;
  requests: number;
  /** Probes that got no answer (connection reset, timeout): they count as not trusted. */
  unanswered: Array<{ origin: string; error: string }>;
  findings: Finding[];
}

export class ScanUnreachableError extends Error {}

export async function scan(url: URL, trusted: URL, timeoutMs = REQUEST_TIMEOUT_MS): Promise<ScanReport> {
  const answers: Answer[] = [];
  for (const probe of probesFor(trusted)) {
    const answer = await send(url, probe, timeoutMs);
    // The first request tells whether the API is there at all.
    if (answers.length === 0 && answer.error) throw new ScanUnreachableError(`cannot reach ${url.href}: ${answer.error}`);
    answers.push(answer);
  }
  return {
    url: url.href,
    trustedOrigin: trusted.origin,
    requests: answers.length,
    unanswered: answers.filter((a) => a.error).map((a) => ({ origin: a.probe.origin, error: a.error ?? '' })),
    findings: findingsOf(answers),
  };
}
