/**
 * Holds lessons to the catalog and the model: every experiment exists, the
 * answers a learner may pick include what the browser does, and each fix-it
 * is blocked as given and allowed once its solution is applied. The model is
 * held to real Chromium by the browser tests, so checking against it here is
 * checking against Chromium.
 */
import type { Experiment, ServerPlan } from '../format/schema.ts';
import { validateExperiments } from '../format/validate.ts';
import { predictExperiment, type StepPrediction } from '../experiments/model/predict.ts';
import type { OriginMap } from '../plan/origins.ts';
import { whereIs } from './load.ts';
import type { Claim, ClaimedObservation } from './claims.ts';
import type { FixIt, HeaderEdits, Lesson, Prediction } from './schema.ts';

type Answer = NonNullable<NonNullable<ServerPlan['actual']>['headers']>;

/** Header edits on top of an answer's headers: a value replaces every line of that name (any case), null removes them. */
export function editHeaders(headers: Answer | undefined, edits: HeaderEdits | undefined): Answer {
  const out: Answer = {};
  const edited = new Set(Object.keys(edits ?? {}).map((n) => n.toLowerCase()));
  for (const [name, value] of Object.entries(headers ?? {})) if (!edited.has(name.toLowerCase())) out[name] = value;
  for (const [name, value] of Object.entries(edits ?? {})) if (value !== null) out[name] = value;
  return out;
}

/** The experiment with a fix-it solution applied, checked by the experiment schema like any edited experiment. */
export function applySolution(experiment: Experiment, solution: FixIt['solution']): Experiment {
  const server = experiment.server ?? {};
  const answer = (which: 'preflight' | 'actual') => ({ ...server[which], headers: editHeaders(server[which]?.headers, solution[which]) });
  const fixed = { ...experiment, id: `${experiment.id}-fixed`, expect: undefined, then: experiment.then?.map(({ expect: _expect, ...step }) => step), server: { ...server, preflight: answer('preflight'), actual: answer('actual') } };
  const [valid] = validateExperiments(fixed, `fix-it of ${experiment.id}`);
  if (!valid) throw new Error(`fix-it of ${experiment.id}: no experiment after validation`);
  return valid;
}

/** Every problem of `lessons` against `catalog`, each naming file, line and field. */
export function checkAgainstCatalog(lessons: readonly Lesson[], catalog: readonly Experiment[], origins: OriginMap): string[] {
  const byId = new Map(catalog.map((e) => [e.id, e]));
  const problems: string[] = [];
  for (const lesson of lessons) {
    lesson.experiments.forEach((id, i) => {
      if (!byId.has(id)) problems.push(`${whereIs(lesson, ['experiments', i])}: unknown experiment "${id}" (see \`cors-lab list\`)`);
    });
    for (const [id, prediction] of Object.entries(lesson.predict)) {
      const experiment = byId.get(id);
      if (experiment) problems.push(...checkPrediction(lesson, experiment, prediction, origins));
    }
    const fixIt = byId.get(lesson.fixIt.experiment);
    if (fixIt) problems.push(...checkFixIt(lesson, fixIt, origins));
    for (const claim of lesson.claims) problems.push(...checkClaim(lesson, claim, byId.get(claim.experiment), origins));
  }
  return problems;
}

/**
 * A claim in the narrative cites an experiment whose `expect` and whose
 * model prediction both say what the claim says (test/e2e/catalog.spec.ts
 * then holds it to Chromium).
 */
function checkClaim(lesson: Lesson, claim: Claim, experiment: Experiment | undefined, origins: OriginMap): string[] {
  const where = `${lesson.file}:${lesson.narrativeLine + claim.line}: narrative: {{see ${claim.experiment}}}`;
  if (!experiment) return [`${where}: unknown experiment "${claim.experiment}" (see \`cors-lab list\`)`];
  const expected = claim.step === 0 ? experiment.expect : experiment.then?.[claim.step - 1]?.expect;
  const predicted = predictExperiment(experiment, origins)[claim.step];
  if (!predicted) return [`${where}: "${claim.experiment}" has no step ${claim.step}`];
  const said = describe({ ...claim, ...claim.observations }, claim);
  const problems: string[] = [];
  if (!expected || !agrees(claim, expected)) problems.push(`${where}: the claim says ${said}; the experiment expects ${expected ? describe(expected, claim) : 'nothing'}`);
  if (!agrees(claim, predicted)) problems.push(`${where}: the claim says ${said}; the model predicts ${describe(predicted, claim)}`);
  return problems;
}

type Facts = {
  outcome?: string | undefined;
  reason?: string | null | undefined;
  cookieSent?: boolean | null | undefined;
} & Partial<Record<ClaimedObservation, boolean | null | undefined>>;

/** The observations a claim names, as [name, value] pairs. */
const claimedObservations = (claim: Claim) => Object.entries(claim.observations ?? {}) as Array<[ClaimedObservation, boolean]>;

/** What the claim says holds: the outcome, and the reason, cookie and observations where the claim names them. */
function agrees(claim: Claim, facts: Facts): boolean {
  return (
    facts.outcome === claim.outcome &&
    (claim.reason === null || facts.reason === claim.reason) &&
    (claim.cookieSent === null || facts.cookieSent === claim.cookieSent) &&
    claimedObservations(claim).every(([name, value]) => facts[name] === value)
  );
}

/** The facts in a claim's terms: the cookie and the observations only when the claim speaks of them. */
function describe(facts: Facts, claim: Claim): string {
  const cookie = claim.cookieSent === null ? '' : facts.cookieSent ? ' cookie' : ' no-cookie';
  const observed = claimedObservations(claim).map(([name]) => ` ${name}=${String(facts[name] ?? 'unknown')}`).join('');
  return `${facts.outcome ?? 'no outcome'}${facts.reason ? ` ${facts.reason}` : ''}${cookie}${observed}`;
}

function checkPrediction(lesson: Lesson, experiment: Experiment, prediction: Prediction, origins: OriginMap): string[] {
  const where = (...path: string[]) => whereIs(lesson, ['predict', experiment.id, ...path]);
  const steps = predictExperiment(experiment, origins);
  const index = prediction.step ?? 0;
  const step = steps[index];
  if (!step) return [`${where('step')}: step ${index} does not exist; "${experiment.id}" has ${steps.length} step${steps.length === 1 ? '' : 's'}`];
  const problems: string[] = [];
  if (!prediction.outcomes.includes(step.outcome)) problems.push(`${where('outcomes')}: the browser's outcome "${step.outcome}" is not among the choices`);
  if (prediction.reasons && step.outcome === 'blocked' && step.reason && !(prediction.reasons as readonly string[]).includes(step.reason)) {
    problems.push(`${where('reasons')}: the browser's reason "${step.reason}" is not among the choices`);
  }
  if (prediction.readable) {
    const sent = Object.keys(experiment.server?.actual?.headers ?? {}).map((n) => n.toLowerCase());
    if (!sent.includes(prediction.readable.toLowerCase())) problems.push(`${where('readable')}: the server never sends "${prediction.readable}", so the question has no answer`);
  }
  return problems;
}

function checkFixIt(lesson: Lesson, experiment: Experiment, origins: OriginMap): string[] {
  const where = (...path: string[]) => whereIs(lesson, ['fixIt', ...path]);
  const before = predictExperiment(experiment, origins);
  if (!before.some((s) => s.outcome === 'blocked')) return [`${where('experiment')}: "${experiment.id}" is not blocked, so there is nothing to fix`];
  const after = predictExperiment(applySolution(experiment, lesson.fixIt.solution), origins);
  const problems: string[] = [];
  after.forEach((step: StepPrediction, i) => {
    if (step.outcome !== 'allowed') problems.push(`${where('solution')}: step ${i} is still ${step.outcome}${step.reason ? ` (${step.reason})` : ''} with this solution`);
    for (const header of lesson.fixIt.readable ?? []) {
      if (!step.readableHeaders.includes(header)) problems.push(`${where('readable')}: "${header}" is not readable in step ${i} with this solution`);
    }
  });
  return problems;
}
