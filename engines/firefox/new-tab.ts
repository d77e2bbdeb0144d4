/**
 * A new tab in a Firefox session, asked for again when Firefox discards it while creating it.
 *
 * Firefox's `browsingContext.create` answers once the new tab's initial `about:blank` has a window global; under
 * load that first document is sometimes replaced before, and the command fails with "no such frame ...
 * DiscardedBrowsingContextError" (a known race of Firefox's remote agent: https://bugzilla.mozilla.org/1918287,
 * https://github.com/w3c/webdriver-bidi/issues/540). No step has run in such a tab, so asking for another one
 * changes no verdict; the number of tries is bounded, and any other error is thrown at once.
 */
import type { BrowserContext, Page } from 'puppeteer-core';

/** How many tabs are asked for before the error is the run's: the race was seen once in hundreds of tabs. */
export const NEW_TAB_TRIES = 3;

/** Whether `error` is Firefox discarding the tab it was creating (the only error worth another try). */
export function isDiscardedWhileCreated(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return text.includes('browsingContext.create') && text.includes('DiscardedBrowsingContextError');
}

export async function newTab(context: Pick<BrowserContext, 'newPage'>): Promise<Page> {
  for (let tried = 1; ; tried++) {
    try {
      return await context.newPage();
    } catch (error) {
      if (tried >= NEW_TAB_TRIES || !isDiscardedWhileCreated(error)) throw error;
    }
  }
}
