/**
 * Starts the lab's origins in this process: one Hono app and one HTTP server
 * per origin, bound to loopback unless asked otherwise. `portBase` puts them
 * on a fixed block (`npm start`); without it every origin takes a free port
 * (the CLI and tests, so they run beside a running playground).
 */
import { createServer, type Server } from 'node:http';
import type { Server as NetServer } from 'node:net';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { answerConnect } from './connect-request.ts';
import { Journal, type JournalLimits } from './journal.ts';
import type { LabContext } from './lab-context.ts';
import { createOriginApp } from './origin-app.ts';
import { labHosts } from './host-check.ts';
import { originListener } from './origin-listener.ts';
import { OpenSockets, answerWebSocketUpgrades } from './websocket-upgrade.ts';
import { DEFAULT_BIND_HOST, MAX_PORT_BASE, MIN_PORT_BASE, ORIGINS, PORT_BASE_ENV, PORT_BASE_FLAG, advertisedOrigin, originMap, type LabOrigin, type OriginName, type OriginSpec } from '../plan/origins.ts';
import { RunIds } from './run-ids.ts';
import { RAW_REQUEST_TIMEOUT_MS, answerUnknownMethods } from './unknown-method.ts';
import { KEEP_ALIVE_SECONDS } from '../plan/answer.ts';
import { checkedServerPlan } from './plan-check.ts';
import { labCertificates } from './certificate-store.ts';
import { configFolder } from './config-folder.ts';
import { createSecureOriginServer } from './secure-server.ts';

export interface LabOptions {
  /** First port of the block; undefined = a free port for each origin. */
  portBase?: number | undefined;
  /** Address to bind; loopback by default. */
  host?: string | undefined;
  journal?: Partial<JournalLimits>;
  /**
   * Host names admitted in the Host header besides the origins' own and the
   * loopback names (e.g. the machine's LAN name for a class); any other Host
   * is refused against DNS rebinding (host-check.ts).
   */
  allowedHosts?: readonly string[];
  /**
   * The host each origin is advertised under (class mode: names attendees'
   * browsers reach, class-names.ts); the Host check admits them.
   */
  names?: Partial<Record<OriginName, string>>;
  /** How long a request on the raw-packet path may take to arrive (default RAW_REQUEST_TIMEOUT_MS). */
  rawRequestTimeoutMs?: number;
  /** Serve the built playground from here (default: dist/client when built). */
  clientDir?: string | null;
  /** Where the `secure` origin's CA and certificate are kept (default: the user's config folder, config-folder.ts). */
  configDir?: string;
}

export interface Lab {
  origins: LabOrigin[];
  /** Where each origin's server is bound (address and port), in origin order. */
  bound: Array<{ name: LabOrigin['name']; address: string; port: number }>;
  journal: Journal;
  /**
   * The `secure` origin's certificates: the CA file a user may trust, what was made at this start (to print), and
   * the certificate it serves (PEM, public: the drivers of other engines trust it alone, engines/secure-origin-trust.ts).
   */
  certificates: { caPath: string; messages: readonly string[]; served: string };
  /**
   * A run id this lab issued: only requests of such a run, made by fetch() or XHR, get the plan's
   * cookies and other lasting headers (plan/lasting-headers.ts). Ids made up elsewhere still work
   * for everything else.
   */
  newRunId(): string;
  close(): Promise<void>;
}

export class LabStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabStartError';
  }
}

const BUILT_CLIENT = fileURLToPath(new URL('../dist/client/', import.meta.url));

function listen(server: NetServer, spec: OriginSpec, port: number, host: string, portBase: number | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(new LabStartError(`port ${port} for origin "${spec.name}" is busy. Choose another block: ${PORT_BASE_FLAG} N or ${PORT_BASE_ENV}=N (now ${portBase}; the lab uses N to N+${ORIGINS.length - 1}).`));
      } else if (error.code === 'EACCES') {
        reject(new LabStartError(`port ${port} for origin "${spec.name}" is not allowed (EACCES): use a port base above 1024 with ${PORT_BASE_FLAG} N.`));
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(new LabStartError(`cannot bind to host ${JSON.stringify(host)}: ${error.code}. Use a local address such as 127.0.0.1.`));
      } else reject(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

interface Listening {
  readonly server: NetServer;
  closeConnections(): void;
}

function closeServer({ server, closeConnections }: Listening): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    closeConnections();
  });
}

/**
 * An http origin's server, with the raw-packet paths for what Node's HTTP/1.1 parser refuses, and its WebSocket
 * handshakes (websocket-upgrade.ts).
 */
function httpServer(spec: OriginSpec, context: LabContext, options: LabOptions, sockets: OpenSockets): Listening {
  const server: Server = createServer(originListener(spec.name, context, createOriginApp(spec.name, context).fetch));
  server.keepAliveTimeout = KEEP_ALIVE_SECONDS * 1000;
  answerConnect(server);
  answerUnknownMethods(server, { self: spec.name, get origins() { return context.originMap; }, notRunFetch: context.runIds.notRunFetch, serverPlan: checkedServerPlan, journal: context.journal, hosts: () => context.hosts, timeoutMs: options.rawRequestTimeoutMs ?? RAW_REQUEST_TIMEOUT_MS });
  answerWebSocketUpgrades(server, () => ({
    self: spec.name, origins: context.originMap, notRunFetch: context.runIds.notRunFetch, serverPlan: checkedServerPlan,
    journal: context.journal, hosts: context.hosts, sockets, issued: (run) => context.runIds.issued(run),
  }));
  return { server, closeConnections: () => server.closeAllConnections() };
}

export async function startLab(options: LabOptions = {}): Promise<Lab> {
  // `[::1]` is how a URL writes the address; listen() wants it bare.
  const host = (options.host ?? DEFAULT_BIND_HOST).replace(/^\[(.*)\]$/, '$1');
  const { portBase } = options;
  if (portBase !== undefined && (!Number.isInteger(portBase) || portBase < MIN_PORT_BASE || portBase > MAX_PORT_BASE)) {
    throw new LabStartError(`port base ${portBase} is out of range: ${PORT_BASE_FLAG} takes ${MIN_PORT_BASE}-${MAX_PORT_BASE}`);
  }
  const journal = new Journal(options.journal);
  const clientDir = options.clientDir !== undefined ? options.clientDir : existsSync(`${BUILT_CLIENT}index.html`) ? BUILT_CLIENT : null;
  // The apps need every origin's URL; ports are known only after listening, so the context is filled in then.
  const runIds = new RunIds();
  const context: LabContext = { origins: [], originMap: {} as LabContext['originMap'], journal, clientDir, hosts: new Set(), runIds };
  const servers: Listening[] = [];
  const sockets = new OpenSockets();
  const certificates = await labCertificates(options.configDir ?? configFolder());
  try {
    for (const spec of ORIGINS) {
      const listening = spec.scheme === 'https' ? createSecureOriginServer(originListener(spec.name, context, createOriginApp(spec.name, context).fetch), certificates.leaf) : httpServer(spec, context, options, sockets);
      servers.push(listening);
      const { server } = listening;
      const port = await listen(server, spec, portBase === undefined ? 0 : portBase + spec.offset, host, portBase);
      // Advertise the address the server really listens on: a name such as localhost is resolved by listen().
      const bind = { address: (server.address() as AddressInfo).address, given: options.host ?? DEFAULT_BIND_HOST };
      const advertised = advertisedOrigin(spec, bind, port, options.names?.[spec.name]);
      context.origins.push(spec.scheme === 'https' ? { ...advertised, publicKeyHash: certificates.leafKeyHash } : advertised);
    }
  } catch (error) {
    await Promise.all(servers.map(closeServer));
    throw error;
  }
  context.originMap = originMap(context.origins);
  const bindName = host === '0.0.0.0' || host === '::' ? [] : [host];
  context.hosts = labHosts(context.origins, [...bindName, ...(options.allowedHosts ?? [])]);
  return {
    origins: context.origins,
    bound: servers.map(({ server }, i) => {
      const { address, port } = server.address() as AddressInfo;
      return { name: context.origins[i]!.name, address, port };
    }),
    journal,
    certificates: { caPath: certificates.caPath, messages: certificates.messages, served: certificates.leaf.cert },
    newRunId: () => runIds.issue(),
    close: async () => {
      sockets.closeAll();
      await Promise.all(servers.map(closeServer));
    },
  };
}
