/**
 * The playground's driver for the step loop (engines/run-steps.ts): the
 * learner's own browser runs each step in the hidden runner frame of the
 * step's page origin (runner-frames.ts), and what the origins received is
 * read from the journal over HTTP. A page is never told why its browser
 * blocked a request, so the engine's verdict is silent (no reason, no console
 * line): the playground shows the model's reason, labelled as predicted.
 */
import type { EngineVerdict } from '../../engines/engine.ts';
import type { StepDriver } from '../../engines/run-steps.ts';
import type { JournalRead } from '../../plan/journal-entry.ts';
import { receivedSoFar, untilReceived } from '../../plan/journal-wait.ts';
import { JOURNAL_READER_HEADER } from '../../plan/journal-reader.ts';
import type { OriginMap } from '../../plan/origins.ts';
import { runnerOrigin } from '../../plan/page-origin.ts';
import { JOURNAL_PREFIX, PLAN_PREFIX, RUNNER_PATH } from '../../plan/routes.ts';
import { STEP_LIMIT_MESSAGE, STEP_TIMEOUT_MS } from '../../engines/step-limit.ts';
import type { RunnerFrames } from './runner-frames.ts';
import { opensPopup } from '../../format/frames.ts';

const SILENT: EngineVerdict = { reason: null, console: null };

async function readJournal(origins: OriginMap, run: string, since: number): Promise<JournalRead> {
  // Same-origin, so the custom header needs no preflight; it marks the run as in use (journal-reader.ts).
  const url = `${origins.app}${JOURNAL_PREFIX}${run}?since=${since}`;
  const res = await fetch(url, { headers: { [JOURNAL_READER_HEADER]: 'playground' } });
  return (await res.json()) as JournalRead;
}

/**
 * The popup's request as the event that decides: a long-poll on the run's journal (plan/journal-wait.ts) answers as
 * soon as the origins record a request beyond `before`, however late it comes. Only the step limit ends the wait,
 * and says so: true when the journal grew (or was evicted: nothing left to wait on; or the lab refused the wait:
 * the journal read that follows says what it holds), false when the limit was reached (a popup the browser never
 * opened, or a request that hangs).
 */
async function journalGrew(origins: OriginMap, run: string, before: number, signal: AbortSignal): Promise<boolean> {
  return (await untilReceived(origins.app, run, before, signal)) !== null || !signal.aborted;
}

export function framesDriver(frames: RunnerFrames, origins: OriginMap): StepDriver {
  return {
    tab: async (page) => ({
      url: `${runnerOrigin(page, origins)}${RUNNER_PATH}`,
      run: async (request, marker) => {
        // Format 1.2: a popup opened with noopener leaves the page no handle to wait on, so its request may still
        // be on its way when the page answers: wait until the journal has it (the event decides; the step limit
        // only ends a hang, and says so). The headless runner waits on the popup itself (chromium-tab.ts).
        const run = marker.slice(PLAN_PREFIX.length).replace(/\/$/, '');
        const waits = opensPopup(request) && request.noopener === true;
        const before = waits ? (await receivedSoFar(origins.app, run)) ?? 0 : 0;
        const seen = await frames.run(page, request);
        const settled = performance.now();
        if (waits && !(await journalGrew(origins, run, before, AbortSignal.timeout(STEP_TIMEOUT_MS)))) {
          // The step limit, not a verdict: a popup whose request never came reads "no answer", never "not reached".
          return { seen: { ...seen, outcome: 'blocked', error: STEP_LIMIT_MESSAGE }, verdict: SILENT, settled };
        }
        return { seen, verdict: SILENT, settled };
      },
      // The frames outlive a run: RunnerFrames keeps one per page origin for the next runs.
      close: async () => undefined,
    }),
    journal: (run, since) => readJournal(origins, run, since),
    pause: (delayMs) => new Promise((resolve) => setTimeout(resolve, delayMs)),
  };
}
