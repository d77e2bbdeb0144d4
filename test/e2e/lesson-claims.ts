/**
 * Every claim a lesson makes about browser behaviour, held to real Chromium: each experiment a narrative cites
 * (`{{see id: outcome Reason}}`, see lessons/claims.ts) is checked against what Chromium did in catalog.spec.ts's run
 * of the catalog, as `cors-lab run` runs it (one run serves both: the cited experiments ran a second time before): the
 * outcome, and the reason Chromium reported over the DevTools Protocol, at the step the claim names, whether the
 * server saw the cookie where it says, and what the page observed of an element or of itself where the claim names it
 * (`canvasTainted=true`). The claims are the same in every language (the loader checks), so the English ones are held.
 */
import { expect } from '@playwright/test';
import type { ExperimentResult } from '../../engines/run-result.ts';
import type { Claim, ClaimedObservation } from '../../lessons/claims.ts';
import { loadLessonsFromDisk } from '../../lessons/load-from-disk.ts';

export interface LessonClaim {
  /** `lessons/en/03-the-preflight.md:42: preflight-put-no-allow-methods is blocked MethodDisallowed...`: unique. */
  title: string;
  claim: Claim;
}

export const lessonClaims: LessonClaim[] = loadLessonsFromDisk().en.flatMap((lesson) =>
  lesson.claims.map((claim) => {
    const cookie = claim.cookieSent === null ? '' : claim.cookieSent ? ', cookie sent' : ', no cookie';
    const seen = observationsOf(claim).map(([name, value]) => `, ${name} ${String(value)}`).join('');
    const said = `${claim.outcome}${claim.reason ? ` ${claim.reason}` : ''}${cookie}${seen}`;
    const step = claim.step === 0 ? '' : ` then ${claim.step}`;
    const at = `${lesson.file}:${lesson.narrativeLine + claim.line}`;
    return { title: `${at}: ${claim.experiment}${step} is ${said}`, claim };
  }),
);

function observationsOf(claim: Claim): Array<[ClaimedObservation, boolean]> {
  return Object.entries(claim.observations ?? {}) as Array<[ClaimedObservation, boolean]>;
}

/** The claim against the run's result of the experiment it cites (undefined: the run produced none, a failure). */
export function expectClaimHeld(claim: Claim, result: ExperimentResult | undefined): void {
  expect(result, 'the run produced a result').toBeDefined();
  const observed = claim.step === 0 ? result?.observed : result?.steps[claim.step - 1]?.observed;
  expect(observed, `step ${claim.step} ran`).toBeDefined();
  expect(observed?.outcome, 'Chromium outcome').toBe(claim.outcome);
  if (claim.reason !== null) expect(observed?.reason, 'Chromium reason').toBe(claim.reason);
  if (claim.cookieSent !== null) expect(observed?.cookieSent, 'the server saw the cookie').toBe(claim.cookieSent);
  for (const [name, value] of observationsOf(claim)) expect(observed?.[name], `the page observed ${name}`).toBe(value);
}
