/**
 * Asking a runner page (runner-page/runner-page.ts) to run a step by postMessage, and telling whether it obeyed at
 * the moment it decided, never by waiting for silence: a listener the test adds after the runner's own runs, for
 * the same message event, right after the runner's; it reads how many run messages the runner has obeyed
 * (`window.corsLab.accepted`) and sends that back as "test:handled". A runner that obeys also answers "accepted" at
 * once, and messages between two windows arrive in the order they were posted
 * (https://html.spec.whatwg.org/multipage/web-messaging.html#posting-messages), so an asker the runner answers sees
 * "accepted" before "test:handled". A busy machine can make an answer late, never wrong.
 */
import type { Frame, Page } from '@playwright/test';

/** What came back to the asker: the message types in order, the runner's count of obeyed messages, its result. */
export interface RunnerAnswer {
  types: string[];
  accepted: number;
  result?: unknown;
}

/**
 * After the runner's own listener, one that answers each run message with "test:handled" and the runner's count to
 * its sender. Throws if the runner's script did not run: a refusal must come from its origin check, not from a
 * runner that is not there.
 */
async function markHandled(runner: Frame): Promise<void> {
  const ready = await runner.evaluate(() => {
    addEventListener('message', (event) => {
      if (event.data?.type !== 'cors-lab:run') return;
      (event.source as Window).postMessage({ type: 'test:handled', accepted: window.corsLab.accepted }, '*');
    });
    return (window as Partial<Window>).corsLab?.ready === true;
  });
  if (!ready) throw new Error(`the runner script did not run in ${runner.url()}`);
}

/** Opens `runnerUrl` in an iframe of `page` (sandboxed with allow-scripts if asked), loaded and marked. */
export async function openRunnerFrame(page: Page, runnerUrl: string, sandbox: boolean): Promise<void> {
  await page.evaluate(
    ({ runnerUrl, sandbox }) =>
      new Promise<void>((resolve) => {
        const frame = document.createElement('iframe');
        if (sandbox) frame.setAttribute('sandbox', 'allow-scripts');
        frame.src = runnerUrl;
        frame.addEventListener('load', () => resolve(), { once: true });
        document.body.append(frame);
        (window as unknown as { corsLabRunner: Window | null }).corsLabRunner = frame.contentWindow;
      }),
    { runnerUrl, sandbox },
  );
  const frame = await page.locator('iframe').last().elementHandle();
  const runner = await frame?.contentFrame();
  if (!runner) throw new Error(`no frame for ${runnerUrl}`);
  await markHandled(runner);
}

/** Opens `runnerUrl` in a window `page` opens (so the runner's opener is that page), loaded and marked. */
export async function openRunnerWindow(page: Page, runnerUrl: string): Promise<Page> {
  const [opened] = await Promise.all([
    page.waitForEvent('popup'),
    page.evaluate((url) => {
      (window as unknown as { corsLabRunner: Window | null }).corsLabRunner = window.open(url);
    }, runnerUrl),
  ]);
  await opened.waitForLoadState('load');
  await markHandled(opened.mainFrame());
  return opened;
}

/**
 * Posts a run message from `page` to the runner it opened; resolves at "test:handled", or with `untilResult` at the
 * runner's result (which only an asker on the app origin receives).
 */
export function askRunner(page: Page, step: unknown, { id = 'm1', untilResult = false } = {}): Promise<RunnerAnswer> {
  return page.evaluate(
    ({ step, id, untilResult }) =>
      new Promise<RunnerAnswer>((resolve) => {
        const types: string[] = [];
        let accepted = -1;
        window.addEventListener('message', (event) => {
          const type = String(event.data?.type);
          // A framed runner also says "runner-ready" to its parent when it loads; only the answers count here.
          if (!['cors-lab:accepted', 'cors-lab:result', 'test:handled'].includes(type)) return;
          types.push(type);
          if (type === 'test:handled') accepted = Number(event.data.accepted);
          if (untilResult ? type === 'cors-lab:result' : type === 'test:handled') {
            resolve(type === 'cors-lab:result' ? { types, accepted, result: event.data } : { types, accepted });
          }
        });
        const runner = (window as unknown as { corsLabRunner: Window | null }).corsLabRunner;
        runner?.postMessage({ type: 'cors-lab:run', id, step }, '*');
      }),
    { step, id, untilResult },
  );
}
