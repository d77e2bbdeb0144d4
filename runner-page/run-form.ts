/**
 * Format 1.2 `form`: submits a form the way a page on another site forges one (CSRF), into a named popup
 * window, so the page itself and its `then` steps remain. The page never reads the answer (outcome `opaque`):
 * it only waits until the popup's navigation has committed (the server answered), then closes the popup; the
 * journal tells what the server received (the method, the Origin, the cookie).
 * https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#form-submission-algorithm
 */
import { formEnctype, formFields } from '../experiments/form-and-beacon.ts';
import type { PageSeen, StepRequest } from './step.ts';
import { pageFacts } from './run-element.ts';
import { NO_EMBEDDING_FACTS } from '../experiments/embedding.ts';

/** How often the page looks at the popup, and for how long at most (a 204 answer never commits a navigation). */
const POLL_MS = 20;
const MOST_MS = 5000;

/**
 * Whether the popup's navigation committed: a document of another origin cannot be touched any more; one of
 * the page's own origin has left about:blank and finished loading.
 */
function committed(popup: Window): boolean {
  try {
    return popup.location.href !== 'about:blank' && popup.document.readyState === 'complete';
  } catch {
    return true;
  }
}

function waitForCommit(popup: Window): Promise<boolean> {
  return new Promise((resolve) => {
    const started = performance.now();
    const timer = setInterval(() => {
      const done = committed(popup);
      if (done || performance.now() - started > MOST_MS) {
        clearInterval(timer);
        resolve(done);
      }
    }, POLL_MS);
  });
}

function opaque(error: string | null): PageSeen {
  return {
    outcome: error ? 'blocked' : 'opaque', status: null, responseType: null, readableHeaders: {}, body: null, error,
    pageOrigin: self.origin, embedding: { ...NO_EMBEDDING_FACTS, ...pageFacts() },
  };
}

export async function runForm(step: StepRequest): Promise<PageSeen> {
  const name = `cors-lab-form-${crypto.getRandomValues(new Uint32Array(2)).join('-')}`;
  // Opened first, so the page holds the window it submits into (and can close it).
  const popup = window.open('about:blank', name);
  // A popup blocker (a learner's browser, no user activation in the runner frame) stops the submission itself.
  if (!popup) return opaque('form: the browser blocked the popup the form submits into');
  const form = document.createElement('form');
  form.method = step.method.toLowerCase();
  form.action = step.url;
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
    form.submit();
    await waitForCommit(popup);
  } finally {
    form.remove();
    popup.close();
  }
  return opaque(null);
}
