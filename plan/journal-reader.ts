/**
 * The request header with which the playground reads a run's journal. A page
 * on another origin cannot send it: a custom header makes its request need a
 * preflight, which the journal route does not answer with CORS headers. So a
 * read that carries it comes from the lab's own pages (or a program on the
 * machine, trusted anyway), and the runs it reads are in use: the journal
 * evicts them after the runs nobody read (a flood), within a client's share.
 * https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 * Browser-safe.
 */
export const JOURNAL_READER_HEADER = 'X-Cors-Lab-Reader';
