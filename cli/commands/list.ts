import { CliError } from '../cli-error.ts';
import type { Io } from '../io.ts';
import { parse } from '../options.ts';

export const LIST_HELP = `cors-lab list [--json] [--group G] [--reasons]
  The built-in catalog. --json prints it in the experiment format (a JSON array
  that \`cors-lab run FILE.json\` accepts). --reasons prints each Chromium
  reason with the experiments that reproduce it (with --json: [{ reason, experiments }]).`;

export async function listCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse('list', args, { json: { type: 'boolean' }, group: { type: 'string' }, reasons: { type: 'boolean' }, help: { type: 'boolean' } }, false);
  if (values.help) return void io.out(`${LIST_HELP}\n`), 0;
  // Loaded after --help: the catalog pulls in the schema.
  const [{ catalog }, { reasonsTable }] = await Promise.all([
    import('../../experiments/catalog/index.ts'),
    import('../../experiments/catalog/reasons-table.ts'),
  ]);
  const groups = [...new Set(catalog.map((e) => e.group))];
  if (values.group !== undefined && !groups.includes(values.group)) throw new CliError(`--group: unknown group ${JSON.stringify(values.group)}; known: ${groups.join(', ')}`);
  const chosen = catalog.filter((e) => values.group === undefined || e.group === values.group);
  if (values.reasons) {
    const rows = reasonsTable(chosen);
    if (values.json) return void io.out(`${JSON.stringify(rows, null, 2)}\n`), 0;
    const width = Math.max(...rows.map((r) => r.reason.length));
    for (const row of rows) io.out(`${row.reason.padEnd(width)}  ${String(row.experiments.length).padStart(3)}  ${row.experiments.join(', ')}\n`);
    io.out(`${rows.length} distinct reason${rows.length === 1 ? '' : 's'}\n`);
    return 0;
  }
  if (values.json) io.out(`${JSON.stringify(chosen, null, 2)}\n`);
  else for (const e of chosen) io.out(`${e.group.padEnd(12)} ${e.id.padEnd(48)} ${e.title}\n`);
  return 0;
}
