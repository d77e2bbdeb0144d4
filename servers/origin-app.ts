/**
 * The Hono app of one named origin: planned URLs answered from their plan,
 * the journal, the runner page, and (on app) the playground.
 */
import { Hono } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { answerPlanned, jsonReply, type RawReply } from '../plan/answer.ts';
import { checkedServerPlan } from './plan-check.ts';
import { completeAnswer } from '../plan/middleware/run-middleware.ts';
import { journalClient } from './journal-client.ts';
import { journalWaits } from './journal-waits.ts';
import { JOURNAL_READER_HEADER } from '../plan/journal-reader.ts';
import type { LabContext } from './lab-context.ts';
import type { OriginName } from '../plan/origins.ts';
import {
  JOURNAL_PREFIX, JOURNAL_WAIT_PREFIX, ORIGINS_PATH, PLAN_PREFIX, RUNNER_PATH, RUN_IDS_PATH, SANDBOX_QUERY,
} from '../plan/routes.ts';
import { fallbackAppPage, runnerPage } from './pages.ts';
import { ClientFiles } from './client-files.ts';
import { runnerScript } from './runner-script.ts';
import { runnerPageHeaders } from './runner-page-headers.ts';
import { allowRunnerScript, newRunnerNonce } from '../plan/runner-nonce.ts';
import { toResponse, writeToResponse } from './write-reply.ts';

/**
 * What tells @hono/node-server that a route wrote its reply itself. Its RESPONSE_ALREADY_SENT is built with the
 * global Response of the moment its module loads; once any server of @hono/node-server in the process has started,
 * that global is the server's own cached Response, and a marker built from it is written out as an empty 200 after
 * ours (ERR_HTTP_HEADERS_SENT, an unhandled rejection). That happens when the process started a server before this
 * module loaded: a user's own Hono API in the Playwright project that uses cors-lab's fixture, or another test file
 * in the same Vitest worker. Reading `body` turns the server's cached Response into a plain one (it keeps no cache
 * once asked for more than status and headers), which the server checks for the marker header and leaves alone.
 */
const ALREADY_SENT: Response = RESPONSE_ALREADY_SENT;
void ALREADY_SENT.body;

type Env = { Bindings: Partial<HttpBindings> };

/** Run ids one request to `/__lab/run-ids` may ask for. */
const MAX_RUN_IDS = 64;

/**
 * The journal holds the Cookie and Authorization lines each request carried.
 * A page elsewhere can make the browser send the user's localhost cookies
 * (of any port: cookies ignore ports) to a planned URL of a run it names
 * itself, so a journal readable cross-origin would hand it those cookies,
 * HttpOnly ones included. Only the playground reads it, from its own origin
 * (client/lab/run-in-browser.ts); the headless runner reads it in process.
 * So no Access-Control-Allow-Origin, and no embedding by other sites.
 * https://fetch.spec.whatwg.org/#cross-origin-resource-policy-header
 */
function journalReply(reply: RawReply): RawReply {
  const headers = reply.headers.filter(([name]) => name.toLowerCase() !== 'access-control-allow-origin');
  return { ...reply, headers: [...headers, ['Cross-Origin-Resource-Policy', 'same-origin'], ['Cache-Control', 'no-store']] };
}

export function createOriginApp(self: OriginName, lab: LabContext): Hono<Env> {
  const app = new Hono<Env>();

  /**
   * Raw on a real socket; a Response under `app.request` (tests) and for HEAD,
   * which Hono answers by wrapping the GET route's Response (a raw write
   * there would be written twice: ERR_HTTP_HEADERS_SENT).
   */
  const send = (env: Partial<HttpBindings> | undefined, reply: RawReply, method: string): Response => {
    if (env?.outgoing && method !== 'HEAD') {
      writeToResponse(env.outgoing, reply, method);
      return ALREADY_SENT;
    }
    return toResponse(reply);
  };

  // Real sockets reach planned URLs through origin-listener.ts; this route serves `app.request`.
  app.all(`${PLAN_PREFIX}*`, async (c) => {
    const url = new URL(c.req.url);
    const headers = c.req.header();
    const planned = answerPlanned({ method: c.req.method, target: url.pathname + url.search, headers }, { self, origins: lab.originMap, notRunFetch: lab.runIds.notRunFetch, serverPlan: checkedServerPlan });
    if (!planned) return c.notFound();
    const answer = await completeAnswer(planned);
    const client = journalClient(c.env?.incoming?.socket.remoteAddress);
    if (answer.run && answer.entry) lab.journal.record(answer.run, answer.entry, client);
    return send(c.env, answer.reply, c.req.method);
  });

  app.get(`${JOURNAL_PREFIX}:run` as const, (c) => {
    const since = Number(c.req.query('since') ?? '0');
    if (!Number.isInteger(since) || since < 0) return send(c.env, journalReply(jsonReply(400, { error: 'since: a whole number >= 0', field: 'since' })), c.req.method);
    const claim = c.req.header(JOURNAL_READER_HEADER) !== undefined;
    return send(c.env, journalReply(jsonReply(200, lab.journal.read(c.req.param('run'), since, claim))), c.req.method);
  });

  // A runner page's long-poll on its own origin (journal-waits.ts): only for runs this lab issued, so a page
  // elsewhere cannot hold the lab's waits with made-up run ids.
  app.get(`${JOURNAL_WAIT_PREFIX}:run` as const, async (c) => {
    const run = c.req.param('run');
    const reply = (status: number, body: unknown): Response =>
      send(c.env, journalReply(jsonReply(status, body)), c.req.method);
    if (!lab.runIds.issued(run)) {
      const error = `run id ${JSON.stringify(run)} was not issued by this lab: only its own pages wait on its journal`;
      return reply(400, { error, field: 'run' });
    }
    const sinceText = c.req.query('since');
    if (sinceText === undefined) return reply(200, journalWaits(lab.journal).answer(run, 0));
    const since = Number(sinceText);
    if (!/^\d{1,9}$/.test(sinceText)) return reply(400, { error: 'since: a whole number >= 0', field: 'since' });
    const client = journalClient(c.env?.incoming?.socket.remoteAddress);
    const answer = await journalWaits(lab.journal).wait(run, since, client, c.req.raw.signal);
    const busy = 'too many pages are waiting on the journal: ask again later';
    if (!answer) return reply(503, { error: busy, field: 'since' });
    return reply(200, answer);
  });

  app.get(ORIGINS_PATH, (c) => send(c.env, jsonReply(200, lab.origins), c.req.method));

  // The playground's run ids (servers/run-ids.ts), `count` at a time (1-64, default 1), so a whole
  // catalog run asks a few times, not once a run. Like the journal, readable by the app origin only:
  // an id from here lets a request receive a plan's cookies, so no other page may get one.
  if (self === 'app') {
    app.get(RUN_IDS_PATH, (c) => {
      const count = Number(c.req.query('count') ?? '1');
      if (!Number.isInteger(count) || count < 1 || count > MAX_RUN_IDS) {
        return send(c.env, journalReply(jsonReply(400, { error: `count: a whole number 1-${MAX_RUN_IDS}`, field: 'count' })), c.req.method);
      }
      const runs = Array.from({ length: count }, () => lab.runIds.issue());
      return send(c.env, journalReply(jsonReply(200, { runs })), c.req.method);
    });
  }

  app.get(RUNNER_PATH, async (c) => {
    const pageHeaders = runnerPageHeaders(c.req.query(), lab.runIds, lab.originMap[self], lab.originMap);
    if ('error' in pageHeaders) return send(c.env, journalReply(jsonReply(400, pageHeaders)), c.req.method);
    const nonce = newRunnerNonce();
    for (const [name, value] of pageHeaders.lines) {
      // The page's own script runs under the page's own policy (plan/runner-nonce.ts).
      const csp = name.toLowerCase() === 'content-security-policy';
      c.header(name, csp ? allowRunnerScript(value, nonce) : value);
    }
    const html = runnerPage(self, lab.originMap.app, await runnerScript(), nonce);
    // `?sandbox` makes the page's origin opaque, as in a sandboxed iframe: the "null" page.
    // https://html.spec.whatwg.org/multipage/browsers.html#sandboxing
    // Appended: a page's own Content-Security-Policy (format 1.2 pageHeaders) is enforced beside it.
    if (c.req.query(SANDBOX_QUERY) !== undefined) c.header('Content-Security-Policy', 'sandbox allow-scripts', { append: true });
    return c.html(html);
  });

  if (self === 'app') {
    if (lab.clientDir) {
      const files = new ClientFiles(lab.clientDir);
      app.on(['GET', 'HEAD'], '/*', async (c, next) => {
        const reply = await files.reply(c.req.path, { acceptEncoding: c.req.header('accept-encoding'), ifNoneMatch: c.req.header('if-none-match') });
        if (!reply) return next();
        return new Response(reply.body, { status: reply.status, headers: reply.headers });
      });
    } else {
      app.get('/', (c) => c.html(fallbackAppPage(lab.origins)));
    }
  }

  app.notFound((c) => send(c.env, jsonReply(404, { error: `no route ${c.req.method} ${new URL(c.req.url).pathname} on origin ${self}` }), c.req.method));
  app.onError((error, c) => send(c.env, jsonReply(500, { error: `internal error on origin ${self}: ${error.message}` }), c.req.method));
  return app;
}
