import { startLab } from '../../servers/lab.ts';
import { DEFAULT_BIND_HOST, DEFAULT_PORT_BASE, ORIGINS, PORT_BASE_ENV, PORT_BASE_FLAG } from '../../servers/origins.ts';
import type { Io } from '../io.ts';
import { parse, portBase } from '../options.ts';

export const SERVE_HELP = `cors-lab serve [${PORT_BASE_FLAG} N] [--host ADDRESS]
  Starts the ${ORIGINS.length} origins on ports N..N+${ORIGINS.length - 1} (default ${DEFAULT_PORT_BASE}, or ${PORT_BASE_ENV}).
  They bind to ${DEFAULT_BIND_HOST} unless --host says otherwise.`;

/** Runs until SIGINT/SIGTERM. */
export async function serveCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse('serve', args, { 'port-base': { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean' } }, false);
  if (values.help) return void io.out(`${SERVE_HELP}\n`), 0;
  const lab = await startLab({ portBase: portBase(values['port-base']), host: values.host });
  const app = lab.origins.find((o) => o.name === 'app');
  io.out(`cors-lab is running. Open the playground: ${app?.url}/\n\nOrigins:\n`);
  for (const o of lab.origins) io.out(`  ${o.name.padEnd(8)} ${o.url.padEnd(30)} (${o.role}, site ${o.site})\n`);
  if (values.host && values.host !== DEFAULT_BIND_HOST) io.err(`\nWarning: bound to ${values.host}, not loopback: other machines may reach the lab.\n`);
  io.out('\nPress Ctrl+C to stop.\n');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await lab.close();
  return 0;
}
