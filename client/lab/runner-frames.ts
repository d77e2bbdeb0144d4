/**
 * Runs steps in the user's own browser: one hidden iframe per page origin,
 * loaded from that origin's runner page (a sandboxed one for "null"), asked
 * by postMessage. The runner pages obey only the app origin, where this
 * code runs.
 *
 * Any window that holds a reference to this page (a popup's opener, a
 * frame) can post messages to it, so a result is taken only from the very
 * frame that was asked, with that frame's origin, under an id nobody can
 * guess (unguessableId). A runner that does not answer is reported as
 * such (RunnerError), never as a CORS verdict.
 */
import { msg, str } from '@lit/localize';
import type { PageOrigin } from '../../format/schema.ts';
import type { OriginMap } from '../../plan/origins.ts';
import { unguessableId } from '../../plan/unguessable-id.ts';
import { runnerOrigin, serializedPageOrigin } from '../../plan/page-origin.ts';
import { RUNNER_PATH } from '../../plan/routes.ts';
import type { AcceptedMessage, PageSeen, ResultMessage, RunMessage, StepRequest } from '../../runner-page/step.ts';
import { StepTurns } from './step-turns.ts';
import { opensWindow } from '../../format/frames.ts';

/** A loaded runner page must say it is ready, and must accept each step, within this time. */
export const ANSWER_MS = 2_000;
/** Loading a runner page (a lab origin on loopback) takes milliseconds; this is for a server that hangs. */
const LOAD_MS = 10_000;
/** An accepted step must report within this time (a fetch to loopback takes milliseconds). */
const RESULT_MS = 15_000;

/** The runner page of a page origin did not answer: no verdict on the request. */
export class RunnerError extends Error {
  override name = 'RunnerError';
}

interface Frame {
  iframe: HTMLIFrameElement;
  window: Window;
  /** `MessageEvent.origin` of its messages: the origin, or "null" for the sandboxed page. */
  origin: string;
}

interface Pending {
  frame: Frame;
  accepted: () => void;
  done: (seen: PageSeen) => void;
}

/** How often a timer looks at the clock. */
const TICK_MS = 100;

/**
 * Rejects after `ms` of this page's own responsive time: a tick that comes
 * late counts as one on time, so a busy machine (or a busy main thread, which
 * the runner frames of same-site origins share with this page) stretches the
 * wait in proportion, instead of turning a slow runner page into "no answer".
 */
function timer<T>(ms: number, message: string): { promise: Promise<T>; cancel: () => void } {
  let id: ReturnType<typeof setInterval> | undefined;
  const promise = new Promise<T>((_, reject) => {
    let counted = 0;
    let last = performance.now();
    id = setInterval(() => {
      const now = performance.now();
      counted += Math.min(now - last, TICK_MS);
      last = now;
      if (counted < ms) return;
      clearInterval(id);
      reject(new RunnerError(message));
    }, TICK_MS);
  });
  return { promise, cancel: () => clearInterval(id) };
}

export class RunnerFrames {
  readonly #frames = new Map<PageOrigin, Promise<Frame>>();
  readonly #pending = new Map<string, Pending>();
  /** A step that opens a window runs alone (step-turns.ts says why). */
  readonly #turns = new StepTurns();

  constructor(
    private readonly origins: OriginMap,
    private readonly host: HTMLElement = document.body,
  ) {
    window.addEventListener('message', (event: MessageEvent<ResultMessage | AcceptedMessage>) => {
      const data = event.data as Partial<ResultMessage | AcceptedMessage> | null;
      if (typeof data !== 'object' || data === null || typeof data.id !== 'string') return;
      const pending = this.#pending.get(data.id);
      // Only the frame that was asked, at its own origin, may answer.
      if (!pending || event.source !== pending.frame.window || event.origin !== pending.frame.origin) return;
      if (data.type === 'cors-lab:accepted') pending.accepted();
      else if (data.type === 'cors-lab:result' && data.seen) {
        this.#pending.delete(data.id);
        pending.done(data.seen);
      }
    });
  }

  #frame(page: PageOrigin): Promise<Frame> {
    let frame = this.#frames.get(page);
    if (!frame) {
      frame = new Promise<Frame>((resolve, reject) => {
        const iframe = document.createElement('iframe');
        iframe.hidden = true;
        iframe.title = msg(str`cors-lab runner for ${page}`, { id: 'runner.frame-title' });
        const origin = serializedPageOrigin(page, this.origins);
        if (page === 'null') iframe.setAttribute('sandbox', 'allow-scripts');
        iframe.src = `${runnerOrigin(page, this.origins)}${RUNNER_PATH}`;
        // 2 s from the frame's load (a closed port loads an error page at once); a server that never
        // answers the page at all is given up on after LOAD_MS.
        const loading = timer<never>(LOAD_MS, msg(str`the runner page for ${page} did not load within ${LOAD_MS / 1000} s`, { id: 'runner.no-load' }));
        let answering: ReturnType<typeof timer<never>> | undefined;
        let settled = false;
        const onReady = (event: MessageEvent): void => {
          if (event.source !== iframe.contentWindow || event.origin !== origin || event.data?.type !== 'cors-lab:runner-ready' || !iframe.contentWindow) return;
          settled = true;
          window.removeEventListener('message', onReady);
          loading.cancel();
          answering?.cancel();
          resolve({ iframe, window: iframe.contentWindow, origin });
        };
        const fail = (error: unknown): void => {
          if (settled) return;
          settled = true;
          window.removeEventListener('message', onReady);
          loading.cancel();
          answering?.cancel();
          iframe.remove();
          reject(error);
        };
        iframe.addEventListener('load', () => {
          if (settled) return;
          answering ??= timer<never>(ANSWER_MS, msg(str`the runner page for ${page} did not answer within ${ANSWER_MS / 1000} s`, { id: 'runner.no-answer' }));
          answering.promise.catch(fail);
        });
        window.addEventListener('message', onReady);
        loading.promise.catch(fail);
        this.host.append(iframe);
      });
      this.#frames.set(page, frame);
      // A frame that failed is dropped, so the next run tries afresh.
      frame.catch(() => this.#frames.delete(page));
    }
    return frame;
  }

  /**
   * Runs one step; rejects with RunnerError when the runner page does not load, accept or answer in time. Its
   * time limits start with its turn: a step waiting for a window step to end is not late.
   */
  run(page: PageOrigin, step: StepRequest): Promise<PageSeen> {
    return this.#turns.take(opensWindow(step), () => this.#run(page, step));
  }

  async #run(page: PageOrigin, step: StepRequest): Promise<PageSeen> {
    const frame = await this.#frame(page);
    const id = unguessableId();
    const ack = timer<never>(ANSWER_MS, msg(str`the runner page for ${page} did not accept the request within ${ANSWER_MS / 1000} s`, { id: 'runner.no-accept' }));
    const result = timer<never>(RESULT_MS, msg(str`the runner page for ${page} accepted the request but sent no result within ${RESULT_MS / 1000} s`, { id: 'runner.no-result' }));
    try {
      return await new Promise<PageSeen>((resolve, reject) => {
        this.#pending.set(id, { frame, accepted: ack.cancel, done: resolve });
        ack.promise.catch(reject);
        result.promise.catch(reject);
        const message: RunMessage = { type: 'cors-lab:run', id, step };
        frame.window.postMessage(message, frame.origin === 'null' ? '*' : frame.origin);
      });
    } catch (error) {
      // A runner that stopped answering is replaced on the next run.
      this.#frames.delete(page);
      frame.iframe.remove();
      throw error;
    } finally {
      ack.cancel();
      result.cancel();
      this.#pending.delete(id);
    }
  }
}
