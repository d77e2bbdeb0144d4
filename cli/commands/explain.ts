import { readFile } from 'node:fs/promises';
import { CliError } from '../cli-error.ts';
import type { Io } from '../io.ts';
import { parse } from '../options.ts';
import { count } from '../plural.ts';
import { printableJson, printableLine, printableText } from '../../format/terminal-text.ts';

export const EXPLAIN_HELP = `cors-lab explain FILE.har [--json]
  Offline, from a HAR file saved by Chrome DevTools (Network, "Save all as HAR")
  or recorded by Playwright (recordHar): every cross-origin fetch or XHR in it,
  paired with its preflight, with Chromium's reason, the explanation and the fix.
  Where the HAR lacks the answer a verdict depends on (Chromium records no
  response for a request CORS blocked), it says so instead of guessing.
  --json prints { findings: [...], skipped: [...] }.`;

async function harText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(
      `explain: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

export async function explainCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    'explain',
    args,
    { json: { type: 'boolean' }, help: { type: 'boolean' } },
    true,
  );
  if (values.help) return void io.out(`${EXPLAIN_HELP}\n`), 0;
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0)
    throw new CliError(`explain: expected one HAR file, got ${positionals.length}\nSee: cors-lab explain --help`);
  const text = await harText(file);
  // Loaded after --help: the model and the HAR reader.
  const [{ parseHar, HarError }, { explainHar }] = await Promise.all([
    import('../../har/har-file.ts'),
    import('../../har/explain-har.ts'),
  ]);
  let har;
  try {
    har = parseHar(text);
  } catch (error) {
    if (error instanceof HarError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
  const report = await explainHar(har);
  if (values.json) return void io.out(printableJson(report)), 0;
  const lines = [`${file}: ${count(report.findings.length, 'cross-origin request')}`];
  report.findings.forEach((f, i) => {
    const preflight = f.preflightEntry === null ? '' : `, preflight entry ${f.preflightEntry}`;
    lines.push('', `${i + 1}. ${f.method} ${printableLine(f.url)}`);
    lines.push(`   from ${printableLine(f.pageOrigin)} (${f.pageOriginFrom}); HAR entry ${f.entry}${preflight}`);
    lines.push(`   ${f.outcome}${f.reason ? `: ${f.reason}` : ''}`);
    lines.push(...indent(f.verdict));
    if (f.console) lines.push('   console:', ...indent(f.console, '     '));
    if (f.fix) lines.push('   fix:', ...indent(f.fix, '     '));
  });
  for (const s of report.skipped) lines.push('', `skipped: HAR entry ${s.entry} ${printableLine(s.url)}: ${s.why}`);
  io.out(`${printableText(lines.join('\n'))}\n`);
  return 0;
}

const indent = (text: string, by = '   '): string[] => text.split('\n').map((line) => by + line);
