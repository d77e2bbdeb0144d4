/**
 * One edit, one verdict (issue 16, item 3): an experiment edited key by key
 * in the playground is judged the same in the page, in the exported log and
 * by `cors-lab run` on the downloaded file. The CLI starts its own lab on
 * other ports, so the file must carry origin tokens, not the page's ports.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { cli } from '../../cli/cli-in-memory.ts';
import { catalog } from '../../experiments/catalog/index.ts';
import type { Experiment } from '../../format/schema.ts';
import type { RunReport } from '../../engines/run-result.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';

const source = catalog.find((e) => e.id === 'simple-get-no-acao')!;

async function downloaded(page: Page, click: () => Promise<void>, dir: string, name: string): Promise<string> {
  const download = page.waitForEvent('download');
  await click();
  const file = join(dir, name);
  await (await download).saveAs(file);
  return readFile(file, 'utf8');
}

for (const choice of ['Update Expect to the prediction', 'Keep Expect'] as const) {
  const pass = choice !== 'Keep Expect';
  test(`an edit that makes it allowed, then "${choice}": page, exported log and cors-lab run all say ${pass ? 'pass' : 'fail'}`, async ({ lab, page }) => {
    // Two Chromiums and two labs (the page's, the CLI's) on a shared machine.
    test.setTimeout(240_000);
    const origins = originMap(lab.origins);
    const dir = await mkdtemp(join(tmpdir(), 'cors-lab-verdict-'));
    try {
      await page.goto(`${origins.app}/`);
      await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
      await page.getByRole('button', { name: source.title }).click();
      await expect(page.getByRole('heading', { name: source.title, level: 2 })).toBeVisible();
      await page.getByText('Edit the request and the server plan').click();
      // Key by key, the page's own origin as a literal: the download must write it as {page}.
      await page.getByLabel('Actual response headers').pressSequentially(`Access-Control-Allow-Origin: ${origins.app}`);
      const prediction = page.getByRole('region', { name: 'Prediction' });
      await expect(prediction.getByRole('heading', { name: /Prediction/ })).toContainText('✔ allowed');

      // Retitled from its setup; the catalog's "... is blocked" prose is gone.
      await expect(page.getByRole('heading', { name: `Edited: GET api${source.request.path ?? '/'} from app`, level: 2 })).toBeVisible();
      await expect(prediction).not.toContainText(source.explain!.slice(0, 40));
      // The stale Expect is named, with the choice.
      const stale = page.getByRole('region', { name: 'Expect says ✖ blocked, the model now predicts ✔ allowed.' });
      await expect(stale).toBeVisible();
      await stale.getByRole('button', { name: choice }).click();
      await expect(stale).toBeHidden();
      if (pass) await expect(page.getByLabel('Expect (JSON)')).toHaveValue(/"outcome": "allowed"/);
      else await expect(page.getByRole('status').filter({ hasText: 'Expect kept' })).toBeVisible();

      // 1. The page.
      await page.getByRole('button', { name: 'Run this experiment' }).click();
      const row = page.getByRole('list', { name: 'Log' }).getByTestId('log-row').filter({ hasText: 'custom-simple-get-no-acao' });
      await expect(row).toContainText('✔ allowed');
      await expect(row.getByTestId('pass-fail')).toHaveText(pass ? '✔ pass' : '✘ fail');

      // 2. The exported log.
      const log = JSON.parse(await downloaded(page, () => page.getByRole('button', { name: 'Export log as JSON' }).click(), dir, 'log.json')) as RunReport;
      expect(log.results.map((r) => [r.id, r.observed.outcome, r.pass])).toEqual([['custom-simple-get-no-acao', 'allowed', pass]]);

      // 3. cors-lab run on the downloaded experiment, on a lab of its own.
      const text = await downloaded(page, () => page.getByRole('button', { name: 'Download JSON' }).click(), dir, 'experiment.json');
      const [experiment] = JSON.parse(text) as Experiment[];
      expect(experiment?.server?.actual?.headers).toEqual({ 'Access-Control-Allow-Origin': '{page}' });
      expect(text).not.toContain(origins.app);
      expect(experiment?.expect?.outcome).toBe(pass ? 'allowed' : 'blocked');
      const out = join(dir, 'cli.json');
      const run = await cli('run', join(dir, 'experiment.json'), '--json', out, '--concurrency', '1');
      const report = JSON.parse(await readFile(out, 'utf8')) as RunReport;
      expect(report.results.map((r) => [r.id, r.observed.outcome, r.pass])).toEqual([['custom-simple-get-no-acao', 'allowed', pass]]);
      expect(run.code).toBe(pass ? 0 : 1);
      // The CLI's lab is not the page's: the same verdict came from another set of ports.
      expect(report.origins.map((o) => o.url)).not.toEqual(lab.origins.map((o) => o.url));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
