import type { Page } from '@playwright/test';

/** A hostile page's form post to `url` (a top-level navigation by POST); resolves once the browser is there. */
export async function formPost(page: Page, url: string): Promise<void> {
  const submit = (u: string): void => {
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = u;
    document.body.append(form);
    form.submit();
  };
  await Promise.all([page.waitForURL(url), page.evaluate(submit, url)]);
}
