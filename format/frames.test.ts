/**
 * Which steps open a window or a frame (frames.ts): checked against what the runner page does for each API
 * (runner-page/run-step.ts dispatches, run-form.ts and run-frame.ts call `window.open`), since the schema's frame
 * and popup bounds (limits.ts) and the playground's one-window-at-a-time rule (client/lab/step-turns.ts) rest on it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API } from './format-defaults.ts';
import { POST_MESSAGE_VIA, isFrameApi, opensWindow } from './frames.ts';

const source = (path: string): string => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('the steps that open a window or a frame', () => {
  it('open a window: form, window-open and postMessage via window-open; nothing else', () => {
    const steps = API.flatMap((api): Array<{ api: string; via?: string }> =>
      (api === 'postMessage' ? POST_MESSAGE_VIA.map((via) => ({ api, via })) : [{ api }]));
    const named = (list: typeof steps): string[] => list.map(({ api, via }) => (via ? `${api} via ${via}` : api));
    expect(named(steps.filter(opensWindow))).toEqual(['form', 'postMessage via window-open', 'window-open']);
    expect(named(steps.filter((step) => isFrameApi(step.api) || opensWindow(step))))
      .toEqual(['form', 'iframe', 'postMessage via iframe', 'postMessage via window-open', 'window-open']);
  });

  it('are the ones whose runner-page code opens a window or a frame', () => {
    // The page's step runners that call window.open or insert an iframe: their APIs are the ones listed above.
    expect(source('runner-page/run-form.ts')).toContain("window.open('about:blank', name)");
    expect(source('runner-page/run-frame.ts')).toMatch(/window\.open\(step\.url/);
    expect(source('runner-page/run-frame.ts')).toContain("document.createElement('iframe')");
    const others = ['run-element.ts', 'run-beacon.ts', 'run-socket.ts', 'run-event-source.ts', 'run-step.ts'];
    for (const file of others) expect(source(`runner-page/${file}`), file).not.toMatch(/window\.open|'iframe'\)/);
  });
});
