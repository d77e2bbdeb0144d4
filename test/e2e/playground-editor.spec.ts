/**
 * The editor as a person types: key by key (`pressSequentially`), while the
 * prediction re-renders after every valid key. Every key must stay in the
 * field and reach the experiment (the page URL holds the current experiment).
 */
import type { Page } from '@playwright/test';
import { catalog } from '../../experiments/catalog/index.ts';
import type { Experiment } from '../../format/schema.ts';
import { experimentFromHash } from '../../client/share/experiment-link.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';
import { shot } from './shots-folder.ts';

async function open(page: Page, appUrl: string): Promise<void> {
  await page.goto(`${appUrl}/`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
}

const current = (page: Page): Promise<Experiment | null> => experimentFromHash(new URL(page.url()).hash);

interface FieldCase {
  label: string;
  /** Typed at the end of what the field holds, or into the emptied field. */
  typed: string;
  mode: 'append' | 'replace';
  read: (e: Experiment) => unknown;
  want: unknown;
}

const experiment = catalog.find((e) => e.id === 'preflight-put-missing-allow-methods')!;

const FIELDS: FieldCase[] = [
  { label: 'Method', typed: 'CH', mode: 'append', read: (e) => e.request.method, want: 'PUTCH' },
  { label: 'Path', typed: 'items', mode: 'append', read: (e) => e.request.path, want: `${experiment.request.path ?? '/'}items` },
  { label: 'Request headers', typed: '\nX-Typed: abc', mode: 'append', read: (e) => e.request.headers?.['X-Typed'], want: 'abc' },
  { label: 'Body', typed: 'hello', mode: 'append', read: (e) => e.request.body, want: 'hello' },
  { label: 'Preflight status', typed: '200', mode: 'replace', read: (e) => e.server?.preflight?.status, want: 200 },
  { label: 'Preflight response headers', typed: '\nAccess-Control-Allow-Methods: PUTCH', mode: 'append', read: (e) => e.server?.preflight?.headers?.['Access-Control-Allow-Methods'], want: 'PUTCH' },
  { label: 'Actual status', typed: '418', mode: 'replace', read: (e) => e.server?.actual?.status, want: 418 },
  { label: 'Actual response headers', typed: 'Access-Control-Allow-Origin: *', mode: 'replace', read: (e) => e.server?.actual?.headers?.['Access-Control-Allow-Origin'], want: '*' },
  { label: 'Actual body', typed: 'typed body', mode: 'append', read: (e) => e.server?.actual?.body, want: 'typed body' },
  { label: 'Redirect hops (JSON array)', typed: '[{"status": 307, "to": "api2"}]', mode: 'replace', read: (e) => e.server?.redirects?.[0]?.to, want: 'api2' },
  { label: 'Middleware (JSON)', typed: '{"name": "hono/cors", "options": {"origin": "{page}"}}', mode: 'replace', read: (e) => e.server?.middleware?.name, want: 'hono/cors' },
  { label: 'Browser settings (JSON)', typed: '{"thirdPartyCookies": "allowed"}', mode: 'replace', read: (e) => e.browser?.thirdPartyCookies, want: 'allowed' },
  { label: 'Expect (JSON)', typed: '{"outcome": "allowed"}', mode: 'replace', read: (e) => e.expect, want: { outcome: 'allowed' } },
  { label: 'Then steps (JSON array)', typed: '[{"request": {"method": "GET"}}]', mode: 'replace', read: (e) => e.then?.[0]?.request?.method, want: 'GET' },
];

test('every key typed into every text field is kept, in the field and in the experiment', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app);
  await page.getByRole('button', { name: experiment.title }).click();
  await page.getByText('Edit the request and the server plan').click();
  const prediction = page.getByRole('region', { name: 'Prediction' });
  for (const c of FIELDS) {
    await test.step(c.label, async () => {
      const field = page.getByLabel(c.label, { exact: true });
      const before = c.mode === 'append' ? await field.inputValue() : '';
      if (c.mode === 'replace') await field.fill('');
      // press() and pressSequentially() focus the field themselves (no click that a layout shift could misdirect).
      await field.press('Control+End');
      await field.pressSequentially(c.typed);
      await expect(field).toHaveValue(before + c.typed);
      await expect.poll(async () => c.read((await current(page))!)).toEqual(c.want);
      await expect(prediction).toBeVisible();
    });
  }
  // The address-space menu, chosen with the keyboard as the other fields are typed.
  const space = page.getByLabel('Target address space', { exact: true });
  await space.focus();
  await space.press('ArrowDown');
  await expect.poll(async () => (await current(page))!.request.targetAddressSpace).toBe('loopback');
  // Every edit is still there at the end: no later key reset an earlier field.
  const final = (await current(page))!;
  for (const c of FIELDS) expect(c.read(final), c.label).toEqual(c.want);
});

test('a problem is shown next to its field and describes it; the preset menu is back at "choose…" after a switch', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app);
  await page.getByText('Edit the request and the server plan').click();
  const status = page.getByLabel('Actual status', { exact: true });
  await status.fill('99');
  await expect(status).toHaveAttribute('aria-invalid', 'true');
  await expect(status).toHaveAccessibleDescription(/server\.actual\.status: status must be 200-599/);
  await status.fill('200');
  await expect(status).toHaveAttribute('aria-invalid', 'false');
  await expect(status).not.toHaveAccessibleDescription(/status must be/);

  const preset = page.getByLabel('Actual preset');
  await preset.selectOption('wildcard *');
  await expect(page.getByLabel('Actual response headers', { exact: true })).toHaveValue('Access-Control-Allow-Origin: *');
  await expect(preset).toHaveValue('');
  const other = catalog.find((e) => e.id === 'credentials-wildcard-origin')!;
  await page.getByRole('button', { name: other.title }).click();
  await expect(preset).toHaveValue('');
  await expect(page.getByLabel('Expect (JSON)', { exact: true })).toHaveValue(JSON.stringify(other.expect, null, 1));
});

test('switched to an image with the keyboard, the editor names what an image cannot send, until it is undone', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app);
  await page.getByRole('button', { name: experiment.title }).click();
  await page.getByText('Edit the request and the server plan').click();
  const api = page.getByLabel('API', { exact: true });
  await api.focus();
  // The menu's order is the format's: fetch, xhr, img, ...
  await api.press('ArrowDown');
  await api.press('ArrowDown');
  await expect(api).toHaveValue('img');
  const method = page.getByLabel('Method', { exact: true });
  await expect(method).toHaveAttribute('aria-invalid', 'true');
  await expect(method).toHaveAccessibleDescription(/request\.method: method applies to fetch, xhr, form and beacon, not to img/);
  const mode = page.getByLabel('Mode', { exact: true });
  await mode.focus();
  // "no-cors" is what an image without crossorigin does (no problem); "same-origin" it cannot do.
  await mode.press('ArrowDown');
  await mode.press('ArrowDown');
  await expect(mode).toHaveValue('same-origin');
  await expect(mode).toHaveAccessibleDescription(/mode applies to fetch and xhr, not to img: an element's mode and credentials come from its crossorigin attribute/);
  await shot(page, 'editor-fields-img.png');
  // Undone key by key: GET is what an image sends, and "cors" is the format's default.
  await method.fill('');
  await method.pressSequentially('GET');
  await mode.press('ArrowUp');
  await mode.press('ArrowUp');
  await expect(method).toHaveAttribute('aria-invalid', 'false');
  await expect(mode).not.toHaveAccessibleDescription(/applies to/);
  await expect.poll(async () => (await current(page))?.request).toEqual(expect.objectContaining({ api: 'img', target: 'api' }));
  expect((await current(page))?.request).not.toHaveProperty('mode');
});
