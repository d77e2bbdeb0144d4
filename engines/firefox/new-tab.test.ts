import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { NEW_TAB_TRIES, isDiscardedWhileCreated, newTab } from './new-tab.ts';

// The message Firefox ESR gave in CI (trimmed to its first lines).
const DISCARDED = new Error(
  'Protocol error (browsingContext.create): no such frame DiscardedBrowsingContextError: '
  + 'BrowsingContext does no longer exist RemoteError@chrome://remote/content/shared/RemoteError.sys.mjs:8:8',
);
const page = { url: () => 'about:blank' } as unknown as Page;

/** A context whose first `failures` calls throw `error`. */
function contextFailing(failures: number, error: Error) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    newPage: async (): Promise<Page> => {
      calls++;
      if (calls <= failures) throw error;
      return page;
    },
  };
}

describe('newTab', () => {
  it('asks again when Firefox discarded the tab it was creating, and gives the tab it then gets', async () => {
    const context = contextFailing(NEW_TAB_TRIES - 1, DISCARDED);
    await expect(newTab(context)).resolves.toBe(page);
    expect(context.calls).toBe(NEW_TAB_TRIES);
  });

  it('throws the race itself after a bounded number of tries', async () => {
    const context = contextFailing(NEW_TAB_TRIES, DISCARDED);
    await expect(newTab(context)).rejects.toThrow('DiscardedBrowsingContextError');
    expect(context.calls).toBe(NEW_TAB_TRIES);
  });

  it('throws any other error at once', async () => {
    const context = contextFailing(1, new Error('Protocol error (browsingContext.create): invalid argument'));
    await expect(newTab(context)).rejects.toThrow('invalid argument');
    expect(context.calls).toBe(1);
    expect(isDiscardedWhileCreated(new Error('DiscardedBrowsingContextError in script.evaluate'))).toBe(false);
  });
});
