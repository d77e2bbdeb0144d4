/** How long `cors-lab scan` waits: deadlines, not idle timeouts (a server dripping bytes cannot stretch them). */

/** The most one request may take, from connecting to its last response header. */
export const REQUEST_DEADLINE_MS = 5000;

/** The most the scan of one URL may take: the probes still unsent then are reported as such. */
export const SCAN_DEADLINE_MS = 30_000;
