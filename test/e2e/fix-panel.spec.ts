/**
 * The prediction panel once a user touches an experiment: the complete fix
 * and its "Apply fix" button, the reason no header helps where none can, and
 * explanations from the model's own checks once the experiment is edited.
 */
import type { Page } from '@playwright/test';
import { experimentHash } from '../../client/share/experiment-link.ts';
import { templates as zhTemplates } from '../../client/i18n/zh-CN/index.ts';
import { catalog } from '../../experiments/catalog/index.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';
import { READER_VIEWS, shot } from './shots-folder.ts';

const byId = (id: string) => catalog.find((e) => e.id === id)!;

async function open(page: Page, appUrl: string, title: string): Promise<void> {
  await page.goto(`${appUrl}/`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await page.getByRole('button', { name: title }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

test('"Apply fix" puts the complete fix in the editor, reruns, and the browser allows it', async ({ lab, page }) => {
  const experiment = byId('preflight-put-missing-allow-methods');
  const origins = originMap(lab.origins);
  await open(page, origins.app, experiment.title);
  const prediction = page.getByRole('region', { name: 'Prediction' });
  const fix = prediction.getByRole('region', { name: 'Fix' });
  await expect(fix.getByRole('listitem')).toHaveText([/^OPTIONS \(preflight\): Access-Control-Allow-Methods: PUT/, new RegExp(`^actual answer: Access-Control-Allow-Origin: ${origins.app}`), /^actual answer: Vary: Origin/]);
  await fix.getByRole('button', { name: 'Apply fix' }).click();
  await expect(page.getByRole('heading', { name: `Fixed: ${experiment.title}` })).toBeVisible();
  await expect(prediction.getByRole('heading', { name: /Prediction/ })).toContainText('✔ allowed');
  const row = page.getByRole('list', { name: 'Log' }).getByTestId('log-row').filter({ hasText: `custom-${experiment.id}` }).first();
  await expect(row).toContainText('✔ allowed');
  await expect(row).not.toContainText('disagree');
  await page.getByText('Edit the request and the server plan').click();
  await expect(page.getByLabel('Preflight response headers')).toHaveValue(/Access-Control-Allow-Methods: PUT/);
  await expect(page.getByLabel('Actual response headers')).toHaveValue(/Access-Control-Allow-Origin: \{page\}/);
});

test('an image refused by its resource policy: the fix is the policy, applied or typed key by key, and the browser loads it', async ({ lab, page }) => {
  const experiment = byId('corp-same-origin-refuses-other-origin');
  await open(page, originMap(lab.origins).app, experiment.title);
  const prediction = page.getByRole('region', { name: 'Prediction' });
  const fix = prediction.getByRole('region', { name: 'Fix' });
  await expect(fix.getByTestId('no-header-fix')).toHaveCount(0);
  await expect(fix.getByRole('listitem')).toHaveText([/^actual answer: Cross-Origin-Resource-Policy: cross-origin/]);
  // Typed by hand in the editor, key by key, in place of the plan's same-origin policy.
  await page.getByText('Edit the request and the server plan').click();
  const actual = page.getByLabel('Actual response headers');
  await actual.fill('');
  await actual.pressSequentially('Cross-Origin-Resource-Policy: cross-origin');
  await expect(prediction.getByRole('heading', { name: /Prediction/ })).toContainText('✔ allowed');
  await page.getByRole('button', { name: 'Run this experiment' }).click();
  const row = page.getByRole('list', { name: 'Log' }).getByTestId('log-row').first();
  await expect(row).toContainText('✔ allowed');
  await expect(row).not.toContainText('disagree');
});

test('where no header can help, the fix says why and what would', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app, byId('simple-same-origin-mode-blocked').title);
  const fix = page.getByRole('region', { name: 'Fix' });
  await expect(fix.getByTestId('no-header-fix')).toContainText('mode "same-origin" refuses another origin before anything is sent');
  await expect(fix.getByRole('button', { name: 'Apply fix' })).toBeDisabled();
});

test("an edited experiment is explained by the model's checks, not the catalog's prose", async ({ lab, page }) => {
  const experiment = byId('preflight-put-missing-allow-methods');
  await open(page, originMap(lab.origins).app, experiment.title);
  const prediction = page.getByRole('region', { name: 'Prediction' });
  await expect(prediction.getByText('the browser never sends the PUT')).toBeVisible();
  await page.getByText('Edit the request and the server plan').click();
  await page.getByLabel('Preflight response headers').fill('Access-Control-Allow-Origin: {page}\nAccess-Control-Allow-Methods: PUT');
  await expect(prediction.getByText('the browser never sends the PUT')).toHaveCount(0);
  const checks = prediction.getByRole('list', { name: "The model's checks" });
  await expect(checks).toBeVisible();
  await expect(checks.getByRole('listitem').filter({ hasText: 'PUT is allowed by Access-Control-Allow-Methods' })).toContainText('Access-Control-Allow-Methods: PUT');
  // The actual answer still has no Allow-Origin: that is the one failed check, with the value it read.
  await expect(checks.locator('li[data-ok="no"]')).toHaveText(/the answer has no Access-Control-Allow-Origin.*Access-Control-Allow-Origin: \(absent\)/s);
});

test('a fix covers the later steps too: the first step is allowed, the second blocked', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app, byId('preflight-cache-miss-new-header').title);
  const fix = page.getByRole('region', { name: 'Fix' });
  await expect(fix).toContainText('Send these headers and all 2 steps are allowed:');
  await expect(fix.getByRole('listitem')).toHaveText([/^OPTIONS \(preflight\): Access-Control-Allow-Headers: x-new/]);
});

test('a middleware experiment is fixed by its options, and applied, the real middleware allows it', async ({ lab, page }) => {
  const experiment = byId('hono-cors-allow-methods');
  await open(page, originMap(lab.origins).app, experiment.title);
  const fix = page.getByRole('region', { name: 'Fix' });
  await expect(fix).toContainText('Set these hono/cors options and the request is allowed:');
  await expect(fix.getByRole('listitem')).toHaveText([/^hono\/cors option allowMethods: \["GET","POST","DELETE"\]/]);
  await fix.getByRole('button', { name: 'Apply fix' }).click();
  const row = page.getByRole('list', { name: 'Log' }).getByTestId('log-row').filter({ hasText: `custom-${experiment.id}` }).first();
  await expect(row).toContainText('✔ allowed');
  await expect(row).not.toContainText('disagree');
});

test('an allowed middleware experiment shows no fix (the model runs the real middleware first)', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app, byId('hono-cors-default-wildcard').title);
  await expect(page.getByRole('region', { name: 'Prediction' }).getByRole('heading', { name: /Prediction/ })).toContainText('✔ allowed');
  await expect(page.getByRole('region', { name: 'Fix' })).toHaveCount(0);
});

/** The 401 twin's fix in every view: its status change says auth answers OPTIONS first (shots: shots-folder.ts). */
const AUTH_VIEWS = READER_VIEWS;
const AUTH_WORDS = {
  en: { status: 'lab status', ready: 'ready', fix: 'Fix', why: 'not 401: auth answers OPTIONS before CORS' },
  'zh-CN': {
    status: zhTemplates['app.status-label'] as string,
    ready: zhTemplates['app.status-ready'] as string,
    fix: zhTemplates['fix.heading'] as string,
    why: '而不是 401：认证在 CORS 之前响应了 OPTIONS',
  },
} as const;

for (const view of AUTH_VIEWS) {
  test(`${view.name}: a preflight answered 401 gets the status fix, and why (auth first)`, async ({ lab, page }) => {
    const words = AUTH_WORDS[view.lang];
    await page.setViewportSize({ width: view.width, height: 900 });
    const experiment = byId('preflight-status-401-with-cors');
    const query = view.lang === 'en' ? '' : '?lang=zh-CN';
    await page.goto(`${originMap(lab.origins).app}/${query}${experimentHash(experiment)}`);
    await expect(page.getByRole('status', { name: words.status })).toHaveText(words.ready);
    if (view.presenter) await page.getByRole('button', { name: 'Presenter mode' }).click();
    if (view.dark) await page.getByRole('button', { name: 'Dark theme' }).click();
    const fix = page.getByRole('region', { name: words.fix });
    const status = fix.getByRole('listitem').filter({ hasText: 'OPTIONS' }).filter({ hasText: '204' });
    await expect(status).toContainText(words.why);
    const { scrollWidth, clientWidth } = await page.evaluate(() => {
      const root = document.documentElement;
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
    });
    expect(scrollWidth, 'page width').toBeLessThanOrEqual(clientWidth);
    await fix.scrollIntoViewIfNeeded();
    await shot(page, `fixes-401-${view.name}.png`);
  });
}

/** A socket the page's own CSP refuses: the fix is the page's, said once, in every view (shots: shots-folder.ts). */
for (const view of AUTH_VIEWS) {
  test(`${view.name}: a WebSocket the page's CSP refuses gets the page's fix, led once`, async ({ lab, page }) => {
    const words = AUTH_WORDS[view.lang];
    const lead = view.lang === 'en' ? 'Fix the page:' : '修改页面：';
    await page.setViewportSize({ width: view.width, height: 900 });
    const experiment = byId('csp-connect-src-self-refuses-websocket');
    const query = view.lang === 'en' ? '' : '?lang=zh-CN';
    await page.goto(`${originMap(lab.origins).app}/${query}${experimentHash(experiment)}`);
    await expect(page.getByRole('status', { name: words.status })).toHaveText(words.ready);
    if (view.presenter) await page.getByRole('button', { name: 'Presenter mode' }).click();
    if (view.dark) await page.getByRole('button', { name: 'Dark theme' }).click();
    const fix = page.getByRole('region', { name: words.fix });
    await expect(fix).toContainText(`${lead}`);
    await expect(fix).toContainText('connect-src');
    await expect(fix).not.toContainText('No header can help');
    await fix.scrollIntoViewIfNeeded();
    await shot(page, `fixes-csp-socket-${view.name}.png`);
  });
}
