/**
 * One experiment in the user's browser: the model's prediction, what the
 * page saw, and what the servers saw (the journal). The browser does not
 * tell a page why it blocked a request; the reason shown is the model's,
 * and a disagreement on what can be observed (outcome, preflight, whether
 * the server was reached) is marked.
 */
import { explain, type Explanation } from '../../experiments/model/explain.ts';
import { experimentUrl, predictExperimentAsync } from '../../experiments/model/predict.ts';
import type { StepPrediction } from '../../experiments/model/prediction.ts';
import { pageOf, resolveRequest, type Experiment } from '../../experiments/schema.ts';
import type { JournalEntry } from '../../servers/journal.ts';
import type { OriginMap } from '../../servers/origins.ts';
import { newRunId } from '../../servers/plan-url.ts';
import { stepRequest } from '../../runner/step-request.ts';
import { serverView, type ServerView } from '../../experiments/server-view.ts';
import type { PageSeen } from '../runner/step.ts';
import type { RunnerFrames } from './runner-frames.ts';
import { browserAssumptions } from './browser-assumptions.ts';

export interface BrowserStep {
  title: string;
  predicted: StepPrediction;
  explanation: Explanation;
  seen: PageSeen;
  server: ServerView;
  serverSaw: JournalEntry[];
  /** Where the browser and the model differ, one line each. */
  disagreements: string[];
  /** Why this browser cannot reproduce the experiment (then no disagreement is reported); null when it can. */
  caveat: string | null;
}

export interface BrowserRun {
  id: string;
  run: string;
  experiment: Experiment;
  startedAt: string;
  url: string;
  steps: BrowserStep[];
}

async function readJournal(origins: OriginMap, run: string, since: number): Promise<JournalEntry[]> {
  const res = await fetch(`${origins.app}/__journal/${run}?since=${since}`);
  return ((await res.json()) as { entries: JournalEntry[] }).entries;
}

export async function runInBrowser(experiment: Experiment, origins: OriginMap, frames: RunnerFrames): Promise<BrowserRun> {
  const run = newRunId();
  const page = pageOf(experiment);
  const url = experimentUrl(experiment, origins, run);
  const predictions = await predictExperimentAsync(experiment, origins, run);
  const caveat = browserAssumptions(experiment).unverifiable;
  const overrides = [undefined, ...(experiment.then ?? []).map((s) => s.request)];
  const steps: BrowserStep[] = [];
  let since = 0;
  for (const [i, override] of overrides.entries()) {
    const request = resolveRequest(experiment.request, override);
    const seen = await frames.run(page, stepRequest(experiment, url, override));
    const serverSaw = await readJournal(origins, run, since);
    since += serverSaw.length;
    const server = serverView(serverSaw, experiment.server?.redirects?.length ?? 0);
    const predicted = predictions[i] as StepPrediction;
    const disagreements = caveat
      ? []
      : (['outcome', 'preflight', 'reachedServer'] as const)
          .filter((f) => (f === 'outcome' ? seen.outcome : server[f]) !== predicted[f])
          .map((f) => `${f}: predicted ${predicted[f]}, browser ${f === 'outcome' ? seen.outcome : server[f]}`);
    const explanation = explain(predicted, { url, pageOrigin: page === 'null' ? 'null' : origins[page], api: request.api, method: request.method, credentialsInclude: request.credentials === 'include', targetAddressSpace: request.targetAddressSpace });
    steps.push({ title: i === 0 ? 'request' : (experiment.then?.[i - 1]?.title ?? `then ${i}`), predicted, explanation, seen, server, serverSaw, disagreements, caveat });
  }
  return { id: experiment.id, run, experiment, startedAt: new Date().toISOString(), url, steps };
}
