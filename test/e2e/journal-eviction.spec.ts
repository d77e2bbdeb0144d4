/**
 * A run whose journal was evicted says so, in the CLI's runner and in the
 * playground, instead of reporting that its requests never reached the
 * server (issue 15, item 4). The eviction happens at a known point, not by
 * timing: the lab's journal is wrapped so that the first entry a run records
 * is followed at once by a full journal's worth of runs from the same client
 * (as a flooding page in the same browser would send).
 */
import { catalog } from '../../experiments/catalog/index.ts';
import { runExperiments } from '../../runner/run-experiments.ts';
import { DEFAULT_JOURNAL_LIMITS } from '../../servers/journal.ts';
import { JOURNAL_READER_HEADER } from '../../plan/journal-reader.ts';
import type { Lab } from '../../servers/lab.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';

const twoSteps = catalog.find((e) => e.id === 'cache-max-age-reuse')!;
const EVICTED = /this run's journal was evicted: the journal was full \(5000 runs\) and the client that made this run \(.+\) held the largest share/;

/** Floods the journal right after the next entry recorded; gives back the journal as it was. */
function evictAfterNextEntry(lab: Lab): () => void {
  const { journal } = lab;
  const record = journal.record;
  let flooded = false;
  journal.record = function recordThenFlood(run, entry, client) {
    record.call(journal, run, entry, client);
    if (flooded) return;
    flooded = true;
    for (let i = 0; i < DEFAULT_JOURNAL_LIMITS.maxRuns; i++) record.call(journal, `flood-${i}`, entry, client);
  };
  return () => void (journal.record = record);
}

test('the runner reports an evicted journal as such, and no server-side fact as false', async ({ lab, browser }) => {
  const restore = evictAfterNextEntry(lab);
  try {
    const [result] = (await runExperiments([twoSteps], lab, browser)).results;
    expect(result!.pass).toBe(false);
    expect(result!.mismatches).toEqual([expect.stringMatching(new RegExp(`^journal: ${EVICTED.source}`)), expect.stringMatching(new RegExp(`^then\\[0\\]\\.journal: ${EVICTED.source}`))]);
    expect(result!.mismatches.join('\n')).not.toContain('reachedServer');
  } finally {
    restore();
  }
});

for (const [lang, query, run, said, noVerdict] of [
  ['English', '', 'Run this experiment', EVICTED, 'this is not a CORS verdict'],
  ['Chinese', '?lang=zh-CN', '运行此实验', /这次运行的服务器记录已被清除：记录已满（5000 个运行）/, '这不是 CORS 判定'],
] as const) {
  test(`the playground shows a run whose journal was evicted as no verdict, saying why (${lang})`, async ({ lab, page }) => {
    await page.goto(`${originMap(lab.origins).app}/${query}`);
    await expect(page.getByRole('status', { name: /lab status|实验室状态/ })).toBeVisible();
    await page.getByRole('button', { name: twoSteps.id }).click();
    const restore = evictAfterNextEntry(lab);
    try {
      await page.getByRole('button', { name: run }).click();
      const row = page.getByTestId('log-row').filter({ hasText: twoSteps.id }).first();
      await expect(row.getByRole('group')).toContainText(lang === 'English' ? 'no answer' : '无应答');
      await row.locator('summary').click();
      await expect(row.getByRole('note')).toContainText(said);
      await expect(row.getByRole('note')).toContainText(noVerdict);
    } finally {
      restore();
    }
  });
}

test('only the lab\'s own pages claim a run as in use: a page on another origin cannot send the reader header', async ({ lab, page }) => {
  const origins = originMap(lab.origins);
  const { journal } = lab;
  const read = journal.read;
  const claims: Array<[string, boolean]> = [];
  journal.read = function readAndNote(run, since, claim = true) {
    claims.push([run, claim]);
    return read.call(journal, run, since, claim);
  };
  try {
    for (const [name, modes] of [['evil', ['cors', 'no-cors']], ['app', ['cors']]] as const) {
      await page.goto(`${origins[name]}/__runner`);
      const sent = { url: `${origins.app}/__journal/from-${name}`, header: JOURNAL_READER_HEADER, modes: [...modes] };
      await page.evaluate(async ({ url, header, modes }) => {
        for (const mode of modes) await fetch(url, { mode, headers: { [header]: 'page' } }).catch(() => null);
      }, sent);
    }
    // From evil: the CORS request stops at its preflight, the no-cors one goes without the header.
    expect(claims.filter(([run]) => run === 'from-evil')).toEqual([['from-evil', false]]);
    expect(claims.filter(([run]) => run === 'from-app')).toEqual([['from-app', true]]);
  } finally {
    journal.read = read;
  }
});
