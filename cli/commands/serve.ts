import type { Lab } from '../../servers/lab.ts';
import { DEFAULT_BIND_HOST, DEFAULT_PORT_BASE, ORIGINS, ORIGIN_NAMES, PORT_BASE_ENV, PORT_BASE_FLAG, isLoopbackAddress, siteClashes } from '../../plan/origins.ts';
import { lookup } from 'node:dns/promises';
import { networkInterfaces } from 'node:os';
import { ClassNameError, parseOriginNames, type OriginNames } from '../../servers/class-names.ts';
import { classBanner, classNames, type ClassEnvironment } from '../class-mode.ts';
import { CliError } from '../cli-error.ts';
import type { Io } from '../io.ts';
import { parse, portBase } from '../options.ts';

export const SERVE_HELP = `cors-lab serve [${PORT_BASE_FLAG} N] [--host ADDRESS] [--class [--name ORIGIN=HOST]...]
  Starts the ${ORIGINS.length} origins on ports N..N+${ORIGINS.length - 1} (default ${DEFAULT_PORT_BASE}, or ${PORT_BASE_ENV}).
  They bind to ${DEFAULT_BIND_HOST} unless --host says otherwise (::1 and
  localhost are loopback too; 0.0.0.0 or a network address exposes the lab).
  --class             one lab for a room: prints the attendees' URL and its QR code,
                      and names every origin so attendees' browsers reach it, with
                      partner and evil on other sites (bind with --host too)
  --name ORIGIN=HOST  the host attendees use for ORIGIN (${ORIGIN_NAMES.join(', ')});
                      repeatable, with --class only`;

/** What the user must know about where the lab is bound: exposure first, then sites that merged. */
export function bindWarnings(lab: Pick<Lab, 'origins' | 'bound'>): string[] {
  const warnings: string[] = [];
  const exposed = [...new Set(lab.bound.map((b) => b.address).filter((address) => !isLoopbackAddress(address)))];
  if (exposed.length) warnings.push(`Warning: bound to ${exposed.join(', ')}, not loopback: other machines may reach the lab.`);
  const clashes = siteClashes(lab.origins);
  if (clashes.length) {
    warnings.push(
      `Note: browsers reach ${lab.bound[0]?.address} under one name only, so origins the lab keeps apart share a site here (${clashes.join('; ')}). ` +
        `Cross-site experiments (cookies, SameSite, partner and evil) will not behave as the catalog expects; bind to ${DEFAULT_BIND_HOST} or ::1 for separate sites.`,
    );
  }
  return warnings;
}

/** The `--name` values, checked; names only make sense for a class. */
function flaggedNames(values: string[] | undefined, classMode: boolean | undefined): OriginNames {
  if (!values?.length) return {};
  if (!classMode) throw new CliError('--name: only with --class (it names the origins for attendees)');
  try {
    return parseOriginNames(values);
  } catch (error) {
    throw new CliError(`--name ${(error as ClassNameError).message}`);
  }
}

const CLASS_ENVIRONMENT: ClassEnvironment = {
  interfaces: networkInterfaces,
  lookup: async (name) => (await lookup(name)).address,
};

/** Runs until SIGINT/SIGTERM. */
export async function serveCommand(args: string[], io: Io, env: ClassEnvironment = CLASS_ENVIRONMENT): Promise<number> {
  const { values } = parse(
    'serve',
    args,
    { 'port-base': { type: 'string' }, host: { type: 'string' }, class: { type: 'boolean' }, name: { type: 'string', multiple: true }, help: { type: 'boolean' } },
    false,
  );
  if (values.help) return void io.out(`${SERVE_HELP}\n`), 0;
  // listen() takes an empty host as "every interface": never do that by accident.
  if (values.host === '') throw new CliError('--host: needs an address, such as 127.0.0.1 or ::1');
  const flagged = flaggedNames(values.name, values.class);
  const base = portBase(values['port-base']);
  const names = values.class ? await classNames(values.host ?? DEFAULT_BIND_HOST, flagged, env) : undefined;
  // Loaded after --help and the input checks: the servers are the heavy part.
  const { startLab } = await import('../../servers/lab.ts');
  const lab = await startLab({ portBase: base, host: values.host, names });
  const app = lab.origins.find((o) => o.name === 'app');
  if (values.class) io.out(`${await classBanner(lab.origins, lab.bound.map((b) => b.address))}\n`);
  else io.out(`cors-lab is running. Open the playground: ${app?.url}/\n(the Lessons are listed beside the catalog; in Chinese: ${app?.url}/?lang=zh-CN)\n\n`);
  io.out('Origins:\n');
  for (const o of lab.origins) io.out(`  ${o.name.padEnd(8)} ${o.url.padEnd(30)} (${o.role}, site ${o.site})\n`);
  for (const message of lab.certificates.messages) io.err(`\n${message}\n`);
  // https://localhost's certificate names only this machine: a class's browsers can never trust it.
  io.out(values.class
    ? '\nThe secure origin (https) works on this machine only: attendees\' browsers cannot trust a localhost certificate.\n'
    : `\nsecure uses the lab's own certificate authority: trust it in your browser to run the https experiments (cors-lab ca).\n`);
  for (const warning of bindWarnings(lab)) io.err(`\n${warning}\n`);
  io.out('\nPress Ctrl+C to stop.\n');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await lab.close();
  return 0;
}
