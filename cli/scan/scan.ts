/** Runs the scan: every probe, one at a time, to the one URL given, within one deadline for the whole scan. */
import { findingsOf, type Finding } from './findings.ts';
import { probesFor } from './probes.ts';
import { REQUEST_DEADLINE_MS, send, type Answer } from './send.ts';

/** The most a whole scan may take: the probes still unsent then are reported as such. */
export const SCAN_DEADLINE_MS = 30_000;

export interface ScanDeadlines {
  requestMs: number;
  scanMs: number;
}

export interface ScanReport {
  url: string;
  /** The origin the API is meant to trust; probes are built from it. */
  trustedOrigin: string;
  requests: number;
  /** Probes that got no usable answer (connection reset, deadline, a redirect not followed): they tested nothing. */
  unanswered: Array<{ origin: string; error: string }>;
  /** Probes not sent because the scan's deadline had passed. */
  notSent: number;
  findings: Finding[];
}

export class ScanUnreachableError extends Error {}

/** Why an answer tested nothing, or null when it is a usable answer. */
function unusable(answer: Answer): string | null {
  if (answer.error) return answer.error;
  if (answer.redirect) return `redirected (${answer.redirect.status}) to ${answer.redirect.location}, not followed`;
  return null;
}

const DEADLINES: ScanDeadlines = { requestMs: REQUEST_DEADLINE_MS, scanMs: SCAN_DEADLINE_MS };

export async function scan(url: URL, trusted: URL, deadlines = DEADLINES): Promise<ScanReport> {
  const answers: Answer[] = [];
  const probes = probesFor(trusted);
  const end = Date.now() + deadlines.scanMs;
  for (const probe of probes) {
    const left = end - Date.now();
    if (left <= 0) break;
    const answer = await send(url, probe, Math.min(deadlines.requestMs, left));
    // The first request tells whether the API is there at all, and whether it is at this URL.
    if (answers.length === 0 && answer.error) throw new ScanUnreachableError(`cannot reach ${url.href}: ${answer.error}`);
    if (answers.length === 0 && answer.redirect) {
      const { status, location } = answer.redirect;
      throw new ScanUnreachableError(
        `${url.href} answered ${status}, a redirect to ${location}: nothing was tested at this URL; ` +
          `scan the target instead (cors-lab scan ${location})`,
      );
    }
    answers.push(answer);
  }
  return {
    url: url.href,
    trustedOrigin: trusted.origin,
    requests: answers.length,
    unanswered: answers.flatMap((a) => {
      const error = unusable(a);
      return error === null ? [] : [{ origin: a.probe.origin, error }];
    }),
    notSent: probes.length - answers.length,
    findings: findingsOf(answers),
  };
}
