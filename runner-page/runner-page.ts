/**
 * The script of the runner page every origin serves at /__runner. It runs a
 * step when the headless runner calls `window.corsLab.runStep`, or when the
 * playground on the app origin asks by postMessage; it obeys no other origin.
 */
import { runStep } from './run-step.ts';
import { engineRefused } from './engine-ends.ts';
import type { AcceptedMessage, ResultMessage, RunMessage } from './step.ts';

declare global {
  interface Window {
    /** `accepted`: how many run messages this page obeyed, so a test knows a refusal the moment it happens. */
    corsLab: { runStep: typeof runStep; engineRefused: typeof engineRefused; ready: true; accepted: number };
  }
}

const appOrigin = document.documentElement.dataset.appOrigin ?? '';

window.corsLab = { runStep, engineRefused, ready: true, accepted: 0 };

window.addEventListener('message', (event: MessageEvent<RunMessage>) => {
  if (event.origin !== appOrigin || event.data?.type !== 'cors-lab:run' || !event.source) return;
  window.corsLab.accepted += 1;
  const { id, step } = event.data;
  const source = event.source as Window;
  const accepted: AcceptedMessage = { type: 'cors-lab:accepted', id };
  source.postMessage(accepted, appOrigin);
  void runStep(step).then((seen) => {
    const reply: ResultMessage = { type: 'cors-lab:result', id, seen };
    source.postMessage(reply, appOrigin);
  });
});

if (window.parent !== window) window.parent.postMessage({ type: 'cors-lab:runner-ready' }, appOrigin);
