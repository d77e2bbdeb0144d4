/**
 * Runs steps in the user's own browser: one hidden iframe per page origin,
 * loaded from that origin's runner page (a sandboxed one for "null"), asked
 * by postMessage. The runner pages obey only the app origin, where this
 * code runs.
 */
import type { PageOrigin } from '../../experiments/schema.ts';
import type { OriginMap } from '../../servers/origins.ts';
import type { PageSeen, ResultMessage, RunMessage, StepRequest } from '../runner/step.ts';

const TIMEOUT_MS = 15_000;

export class RunnerFrames {
  readonly #frames = new Map<PageOrigin, Promise<HTMLIFrameElement>>();
  readonly #waiting = new Map<string, (seen: PageSeen) => void>();
  #next = 0;

  constructor(
    private readonly origins: OriginMap,
    private readonly host: HTMLElement = document.body,
  ) {
    window.addEventListener('message', (event: MessageEvent<ResultMessage>) => {
      if (event.data?.type !== 'cors-lab:result') return;
      this.#waiting.get(event.data.id)?.(event.data.seen);
      this.#waiting.delete(event.data.id);
    });
  }

  #frame(page: PageOrigin): Promise<HTMLIFrameElement> {
    let frame = this.#frames.get(page);
    if (!frame) {
      frame = new Promise((resolve, reject) => {
        const iframe = document.createElement('iframe');
        iframe.hidden = true;
        iframe.title = `cors-lab runner for ${page}`;
        if (page === 'null') iframe.setAttribute('sandbox', 'allow-scripts');
        iframe.src = `${page === 'null' ? this.origins.app : this.origins[page]}/__runner`;
        const onReady = (event: MessageEvent): void => {
          if (event.source === iframe.contentWindow && event.data?.type === 'cors-lab:runner-ready') {
            window.removeEventListener('message', onReady);
            resolve(iframe);
          }
        };
        window.addEventListener('message', onReady);
        iframe.addEventListener('error', () => reject(new Error(`the runner page for ${page} did not load`)));
        this.host.append(iframe);
      });
      this.#frames.set(page, frame);
    }
    return frame;
  }

  /** Runs one step; the time limit covers loading the runner page too (a frame that never loads is dropped). */
  run(page: PageOrigin, step: StepRequest): Promise<PageSeen> {
    const id = `m${++this.#next}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(id);
        this.#frames.delete(page);
        resolve({ outcome: 'blocked', status: null, responseType: null, readableHeaders: {}, body: null, error: `no answer within ${TIMEOUT_MS / 1000} s`, pageOrigin: '' });
      }, TIMEOUT_MS);
      this.#waiting.set(id, (seen) => {
        clearTimeout(timer);
        resolve(seen);
      });
      void this.#frame(page).then((frame) => {
        const message: RunMessage = { type: 'cors-lab:run', id, step };
        frame.contentWindow?.postMessage(message, '*');
      });
    });
  }
}
