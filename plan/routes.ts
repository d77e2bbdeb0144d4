/**
 * The paths every origin answers besides the planned ones, named once: the
 * servers route them, the page-side runner, the playground, the headless
 * runner and the tests reach them by these names.
 */

/** Planned requests: `/__cl/{run}/{hop}/{plan}{path}` (plan-url.ts). */
export const PLAN_PREFIX = '/__cl/';

/** The runner page: the page origin's document that runs steps (runner-page/). */
export const RUNNER_PATH = '/__runner';

/** The runner page of the opaque-origin ("null") page: `?sandbox` makes the origin send a CSP sandbox. */
export const SANDBOX_QUERY = 'sandbox';

/**
 * Format 1.2 `pageHeaders`: the runner page of one run served with these header lines, `?run=ID&page-headers=TOKEN`
 * (TOKEN: base64url JSON of the lines). Only with a run id the lab issued, only the allowed names (servers/runner-route.ts).
 */
export const RUN_QUERY = 'run';
export const PAGE_HEADERS_QUERY = 'page-headers';

/** The running lab's origins table, as JSON (app origin). */
export const ORIGINS_PATH = '/__lab/origins';

/** Run ids the lab issues (app origin, `?count=N`). */
export const RUN_IDS_PATH = '/__lab/run-ids';

/** What the origins received for one run: `/__journal/{run}?since=N`. */
export const JOURNAL_PREFIX = '/__journal/';

/**
 * A long-poll on what the origins received for one run, `/__journal-wait/{run}?since=N`: answered once the run
 * holds more than N requests (journal-wait.ts). Every origin serves it, so a runner page waits on its own origin.
 */
export const JOURNAL_WAIT_PREFIX = '/__journal-wait/';
