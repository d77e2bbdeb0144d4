// The bare floors' servers (floor.ts says what the floors hold and why): one plain `node:http` server per lab origin,
// on the origin's host, answering every request at once and permissively. Plain JavaScript with nothing of cors-lab
// in it (Node, node:http, node:crypto), shared by the three floors (chromium-floor.mjs, firefox-floor.mjs,
// webkit-floor.mjs).
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';

// A 1x1 GIF, a script, a stylesheet, an event stream, a page: whatever the step's api loads, answered at once.
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
// A page a frame or popup loads: it tells an opener it runs, and answers any message it gets. With `close` in its
// URL (the floors whose drivers have no popup event: Firefox's, WebKit's) a popup nobody holds (`noopener`) closes
// itself once it runs, as the lab's target page does (plan/target-page.ts), so the driver sees its window go.
const target = (closes) => '<!doctype html><script>if (opener) opener.postMessage("opened", "*");'
  + `${closes ? 'else if (top === self) close();' : ''}`
  + 'addEventListener("message", (e) => e.source && e.source.postMessage("taken", "*"));</script>';
const BODIES = {
  img: ['image/gif', GIF], script: ['text/javascript', 'void 0;'], stylesheet: ['text/css', 'a{}'],
  eventsource: ['text/event-stream', 'data: ok\n\n'],
};
/** What a step of each api loads (`k` in its URL, stepUrl in floor-schedule.mjs); the rest get a text body. */
export const KIND = {
  img: 'img', script: 'script', stylesheet: 'stylesheet', eventsource: 'eventsource', iframe: 'page', form: 'page',
  'window-open': 'page', postMessage: 'page',
};

/** A WebSocket handshake (RFC 6455 section 4.2.2), one text frame "ok", and the end when the page closes. */
function upgrade(req, socket) {
  socket.on('error', () => undefined);
  const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`);
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n'
    + `Sec-WebSocket-Accept: ${accept.digest('base64')}\r\n\r\n`);
  socket.write(Buffer.from([0x81, 2, 0x6f, 0x6b]));
  socket.on('data', () => socket.end());
}

/**
 * Starts one server per origin of `origins` (`{ name, host }`) on a free loopback port. `experiments`: the floor's
 * work (floor-steps.ts), whose page headers a runner page of an experiment's own (`/runner?h=INDEX`) is served with.
 * Returns each origin's base URL, and close.
 */
export async function startFloorServers(origins, experiments) {
  /** Permissive answers: every origin, method and header allowed, credentials too, embeddable by anyone. */
  function answer(req, res) {
    const url = new URL(req.url, 'http://floor');
    if (url.pathname === '/runner') {
      const headers = { 'Content-Type': 'text/html' };
      const own = url.searchParams.get('h');
      if (own !== null) Object.assign(headers, experiments[Number(own)].pageHeaders);
      if (url.searchParams.has('sandbox')) headers['Content-Security-Policy'] = 'sandbox allow-scripts';
      res.writeHead(200, headers);
      res.end('<!doctype html><link rel="icon" href="data:,">');
      return;
    }
    const cors = {
      'Access-Control-Allow-Origin': req.headers.origin ?? '*',
      'Access-Control-Allow-Credentials': 'true',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Cache-Control': 'no-store',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Methods': req.headers['access-control-request-method'] ?? 'GET',
        'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
      });
      res.end();
      return;
    }
    req.resume();
    const kind = url.searchParams.get('k');
    // A page is embeddable under the embedding page's COEP too (HTML: a frame's document under `require-corp` needs
    // COEP of its own and CORP), so no frame waits on an error page some engines fire no event for.
    // https://html.spec.whatwg.org/multipage/browsers.html#coep
    const [type, body] = kind === 'page'
      ? ['text/html', target(url.searchParams.has('close'))]
      : BODIES[kind] ?? ['text/plain', 'ok'];
    const page = kind === 'page' ? { 'Cross-Origin-Embedder-Policy': 'require-corp' } : {};
    res.writeHead(200, { ...cors, ...page, 'Content-Type': type });
    res.end(body);
  }

  const servers = [];
  const base = {};
  try {
    for (const origin of origins) {
      const server = createServer(answer);
      server.on('upgrade', upgrade);
      servers.push(server);
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      base[origin.name] = `http://${origin.host}:${server.address().port}`;
    }
  } catch (error) {
    for (const server of servers) server.close();
    throw error;
  }
  return {
    base,
    close() {
      for (const server of servers) server.closeAllConnections(), server.close();
    },
  };
}
