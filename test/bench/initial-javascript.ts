/**
 * The JavaScript a browser really receives before a page is usable: the
 * script responses Chromium reports over the DevTools Protocol, summed as
 * sent on the wire (`encodedDataLength`: compressed, headers included) and
 * as decoded (`dataReceived`), from the navigation until the page says it is
 * ready. Lazily loaded chunks that come later (another language, a lesson
 * opened afterwards) are not initial and are not counted.
 * https://chromedevtools.github.io/devtools-protocol/tot/Network/
 */
import type { Page } from 'playwright-core';

export interface InitialJavaScript {
  /** Bytes on the wire: compressed bodies and their response headers. */
  wire: number;
  /** Bytes of JavaScript after decoding. */
  decoded: number;
  files: string[];
}

/** Opens `url` on a fresh page of its context and sums its scripts until `ready` resolves. */
export async function initialJavaScript(page: Page, url: string, ready: (page: Page) => Promise<void>): Promise<InitialJavaScript> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  // A cold visit: nothing from the memory or disk cache, as a learner's first load.
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const scripts = new Map<string, { url: string; decoded: number; wire: number | null }>();
  cdp.on('Network.responseReceived', (event) => {
    if (event.type === 'Script') scripts.set(event.requestId, { url: event.response.url, decoded: 0, wire: null });
  });
  cdp.on('Network.dataReceived', (event) => {
    const script = scripts.get(event.requestId);
    if (script) script.decoded += event.dataLength;
  });
  const finished = new Map<string, number>();
  cdp.on('Network.loadingFinished', (event) => finished.set(event.requestId, event.encodedDataLength));
  await page.goto(url);
  await ready(page);
  // Every script that started before "ready" has finished (the page ran it); collect what is known now.
  const counted = [...scripts.entries()].filter(([id]) => finished.has(id));
  await cdp.detach();
  return {
    wire: counted.reduce((sum, [id]) => sum + (finished.get(id) ?? 0), 0),
    decoded: counted.reduce((sum, [, s]) => sum + s.decoded, 0),
    files: counted.map(([, s]) => new URL(s.url).pathname),
  };
}
