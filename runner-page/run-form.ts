/**
 * Format 1.2 `form`: submits a form the way a page on another site forges one (CSRF), into a named popup
 * window, so the page itself and its `then` steps remain. The page never reads the answer (outcome `opaque`);
 * the journal tells what the server received (the method, the Origin, the cookie). The step ends on the event
 * that ends the submission, never on a clock, so a busy machine cannot turn a late request into "not received":
 * - the popup's navigation committed a document (the server's answer, or the browser's error page);
 * - the server answered with no document to commit (204, 205, a download: HTML's navigate algorithm keeps the
 *   popup where it was, and tells the opener nothing), which the lab's journal says (run-journal.ts);
 * - the browser refused before sending: the popup was blocked, or the page's CSP `form-action` refused it
 *   (Chromium fires `securitypolicyviolation`; Firefox throws from `submit()`; both measured).
 * A submission that ends in none of these is a hang, which only the runner's step limit ends (no answer).
 * https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#form-submission-algorithm
 * https://html.spec.whatwg.org/multipage/browsing-the-web.html#navigate
 * https://w3c.github.io/webappsec-csp/#directive-form-action
 */
import { formEnctype, formFields } from '../format/form-and-beacon.ts';
import type { PageSeen, StepRequest } from './step.ts';
import { pageFacts } from './run-element.ts';
import { NO_EMBEDDING_FACTS } from '../format/embedding.ts';
import { runOf } from './run-journal.ts';
import { receivedSoFar, untilReceived } from '../plan/journal-wait.ts';
import { commitsNoDocument } from './navigation-answer.ts';

/** How often the page looks whether the popup's navigation committed (no event reaches the opener for it). */
const POLL_MS = 20;

/**
 * Whether the popup's navigation committed: a document of another origin cannot be touched any more (nor can a
 * popup that a COOP answer took away: it reads as closed); one of the page's own origin has left about:blank
 * and finished loading.
 */
function committed(popup: Window): boolean {
  try {
    return popup.closed || (popup.location.href !== 'about:blank' && popup.document.readyState === 'complete');
  } catch {
    return true;
  }
}

/** Resolves once the popup's navigation committed; looks again every POLL_MS until then, with no end of its own. */
function untilCommitted(popup: Window, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => committed(popup) && resolve(), POLL_MS);
    signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  });
}

/** Resolves with the violation's words once the page's CSP refuses to submit to `action` (Chromium's signal). */
function untilRefused(action: string, signal: AbortSignal): Promise<string> {
  return new Promise((resolve) => {
    const refused = (event: SecurityPolicyViolationEvent): void => {
      if (event.effectiveDirective !== 'form-action' || event.disposition !== 'enforce') return;
      if (event.blockedURI !== action && event.blockedURI !== new URL(action).origin) return;
      resolve(`form: the page's Content-Security-Policy (${event.originalPolicy}) refused to submit to ${action}`);
    };
    document.addEventListener('securitypolicyviolation', refused);
    const forget = (): void => document.removeEventListener('securitypolicyviolation', refused);
    signal.addEventListener('abort', forget, { once: true });
  });
}

/**
 * Resolves once the journal says the server answered the submission with nothing to commit (or its run's journal
 * was evicted: nothing more can be learnt); never when the answer commits a document (the popup tells), nor when
 * the lab cannot say.
 */
async function untilAnsweredWithoutDocument(
  run: string | null,
  since: number | null,
  signal: AbortSignal,
): Promise<void> {
  if (run === null || since === null) return new Promise(() => undefined);
  const answer = await untilReceived(location.origin, run, since, signal);
  const ends = answer !== null && (answer.evicted || answer.answered.some((a) => commitsNoDocument(a)));
  return ends ? undefined : new Promise(() => undefined);
}

/** `refusal`: why the browser sent nothing (null: the form went). */
function opaque(refusal: string | null): PageSeen {
  return {
    outcome: refusal ? 'blocked' : 'opaque', status: null, responseType: null, readableHeaders: {}, body: null,
    error: refusal, pageOrigin: self.origin, embedding: { ...NO_EMBEDDING_FACTS, ...pageFacts() },
    ...(refusal ? { notSent: true } : {}),
  };
}

export async function runForm(step: StepRequest): Promise<PageSeen> {
  const name = `cors-lab-form-${crypto.getRandomValues(new Uint32Array(2)).join('-')}`;
  const action = new URL(step.url, location.href).href;
  // Opened first, so the page holds the window it submits into (and can close it).
  const popup = window.open('about:blank', name);
  // A popup blocker (a learner's browser, no user activation in the runner frame) stops the submission itself.
  if (!popup) return opaque('form: the browser blocked the popup the form submits into');
  const stop = new AbortController();
  // Counted before anything is sent, so the submission's request is the one the journal receives after it.
  const run = runOf(action);
  const since = run === null ? null : await receivedSoFar(location.origin, run, stop.signal);
  const form = document.createElement('form');
  form.method = step.method.toLowerCase();
  form.action = action;
  form.target = name;
  form.enctype = formEnctype(Object.fromEntries(step.headers));
  form.hidden = true;
  for (const [field, value] of formFields(step.body)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = field;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  try {
    const refused = untilRefused(action, stop.signal);
    try {
      form.submit();
    } catch (error) {
      return opaque(`form: the browser refused to submit (${String(error)})`);
    }
    const ended = untilCommitted(popup, stop.signal).then(() => null);
    const answered = untilAnsweredWithoutDocument(run, since, stop.signal).then(() => null);
    return opaque(await Promise.race([refused, ended, answered]));
  } finally {
    stop.abort();
    form.remove();
    popup.close();
  }
}
