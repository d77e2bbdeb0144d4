import { catalog } from '../../experiments/catalog/index.ts';
import { CliError } from '../cli-error.ts';
import type { Io } from '../io.ts';
import { parse } from '../options.ts';

export const LIST_HELP = `cors-lab list [--json] [--group G]
  The built-in catalog. --json prints it in the experiment format (a JSON array
  that \`cors-lab run FILE.json\` accepts).`;

export function listCommand(args: string[], io: Io): number {
  const { values } = parse('list', args, { json: { type: 'boolean' }, group: { type: 'string' }, help: { type: 'boolean' } }, false);
  if (values.help) return void io.out(`${LIST_HELP}\n`), 0;
  const groups = [...new Set(catalog.map((e) => e.group))];
  if (values.group !== undefined && !groups.includes(values.group)) throw new CliError(`--group: unknown group ${JSON.stringify(values.group)}; known: ${groups.join(', ')}`);
  const chosen = catalog.filter((e) => values.group === undefined || e.group === values.group);
  if (values.json) io.out(`${JSON.stringify(chosen, null, 2)}\n`);
  else for (const e of chosen) io.out(`${e.group.padEnd(12)} ${e.id.padEnd(48)} ${e.title}\n`);
  return 0;
}
