import { PORT_BASE_FLAG, originsAtPortBase, ORIGINS } from '../../plan/origins.ts';
import type { Io } from '../io.ts';
import { parse, portBase } from '../options.ts';

export const ORIGINS_HELP = `cors-lab origins [--json] [${PORT_BASE_FLAG} N]
  The lab's named origins, their URLs on the port block and their sites.`;

export function originsCommand(args: string[], io: Io): number {
  const { values } = parse('origins', args, { json: { type: 'boolean' }, 'port-base': { type: 'string' }, help: { type: 'boolean' } }, false);
  if (values.help) return void io.out(`${ORIGINS_HELP}\n`), 0;
  const origins = originsAtPortBase(portBase(values['port-base']));
  if (values.json) io.out(`${JSON.stringify(origins, null, 2)}\n`);
  else {
    for (const o of origins) io.out(`${o.name.padEnd(8)} ${o.url.padEnd(30)} site ${o.site.padEnd(22)} ${ORIGINS.find((s) => s.name === o.name)?.about ?? ''}\n`);
  }
  return 0;
}
