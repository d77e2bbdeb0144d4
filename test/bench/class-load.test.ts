/**
 * A room on one class-mode lab (loopback only): attendees replaying the
 * catalog's requests at once get the model's answer to every request, and
 * each run's journal holds exactly its attendee's requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { startLab, type Lab } from '../../servers/lab.ts';
import { newRunId } from '../../plan/plan-url.ts';
import { paced } from '../pace/machine-pace.ts';
import { CLASS_LOOPBACK_NAMES, classLoad } from './class-load.ts';

/** Every ninth experiment: 20 spread over every group (redirects, preflights, middleware, then-steps). */
const SPREAD = catalog.filter((_, i) => i % 9 === 0).slice(0, 20);

describe('a class on one lab', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab({ clientDir: null, names: CLASS_LOOPBACK_NAMES });
  });
  afterAll(() => lab.close());

  it('advertises the class names, and the load sends them in Host', () => {
    expect(lab.origins.map((o) => new URL(o.url).hostname)).toEqual(['class.localhost', 'class.localhost', 'class.localhost', '127.0.0.1', 'evil-room.localhost', '127.0.0.1', 'class.localhost']);
    expect(new Set(SPREAD.map((e) => e.group)).size).toBeGreaterThanOrEqual(8);
    expect(SPREAD.some((e) => e.then?.length) && SPREAD.some((e) => e.server?.redirects?.length) && SPREAD.some((e) => e.server?.middleware)).toBe(true);
  });

  it('60 attendees x 20 experiments at once: every answer is the model\'s, every journal the attendee\'s own', async () => {
    // 7 s to 12 s measured on a 2-core machine busy with other work (load average 20 to 40): the bounds leave room for
    // that, stretched by the load when the test starts (a bound on a hang, never a verdict on an answer).
    const figures = await classLoad({
      lab, experiments: SPREAD, attendees: 60, exchangeTimeoutMs: paced(15_000), deadlineMs: paced(25_000),
    });
    expect(figures.failures.slice(0, 10)).toEqual([]);
    expect(figures.experiments).toBe(60 * SPREAD.length);
    expect(figures.steps).toBeGreaterThan(figures.experiments);
    expect(figures.stepMs.p99).toBeGreaterThanOrEqual(figures.stepMs.p50);
  }, paced(40_000));

  it('two attendees running the whole catalog at once never see each other\'s requests', async () => {
    const figures = await classLoad({ lab, experiments: catalog, attendees: 2, deadlineMs: paced(15_000) });
    expect(figures.failures).toEqual([]);
    expect(figures.experiments).toBe(2 * catalog.length);
  }, paced(20_000));

  it('the check has teeth: two attendees sharing run ids see each other\'s requests in the journal', async () => {
    const shared = new Map<string, string>();
    const runId = (_attendee: number, id: string): string => shared.get(id) ?? (shared.set(id, newRunId()), shared.get(id)!);
    const figures = await classLoad({ lab, experiments: SPREAD.slice(0, 5), attendees: 2, concurrency: 1, deadlineMs: paced(15_000), runId });
    expect(figures.failures.some((f) => /the journal holds/.test(f))).toBe(true);
  }, paced(20_000));
});

describe('run ids', () => {
  it('are 128 random bits (32 hex digits), never repeated, so nobody in the room reads another\'s journal by guessing', () => {
    const ids = Array.from({ length: 10_000 }, newRunId);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // Every hex digit appears in every position over many ids: no fixed part such as a counter or a time.
    for (let position = 0; position < 32; position++) expect(new Set(ids.map((id) => id[position])).size).toBe(16);
  });
});
