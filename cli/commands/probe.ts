import { writeFile } from 'node:fs/promises';
import type { HeaderLines } from '../../experiments/headers.ts';
import { CREDENTIALS, MODES } from '../../experiments/request-modes.ts';
import type { ProbeResult } from '../../probe/probe.ts';
import { ProbeInputError, probeRequest, type ProbeField, type ProbeOptions } from '../../probe/probe-options.ts';
import { probeRecord } from '../../probe/probe-result.ts';
import { FRAMEWORK_CHOICES } from '../../probe/framework.ts';
import { probeMatrix, probeReport } from '../../probe/probe-text.ts';
import { CliError } from '../cli-error.ts';
import type { Io } from '../io.ts';
import { parse } from '../options.ts';
import { printableJson } from '../../experiments/terminal-text.ts';

export const PROBE_HELP = `cors-lab probe URL --origin ORIGIN [--method M] [-H 'Name: value']... [--body TEXT]
               [--credentials ${CREDENTIALS.join('|')}] [--mode ${MODES.join('|')}] [--json FILE]
               [--cookie 'name=value']... [--insecure] [--then METHOD]...
               [--framework ${FRAMEWORK_CHOICES.join('|')}]
  Sends a real request from a page on ORIGIN (served by interception: nothing
  has to run there) to URL, your own server, in headless Chromium. Prints the
  outcome, Chromium's reason and console line, the preflight and the headers
  the server sent, every hop of a redirect chain (the Origin sent, a method
  a 301/302/303 changed), the header names JavaScript can and cannot read,
  and the explanation with the fix. Also tells Local Network Access, mixed
  content, a refused connection and TLS errors from CORS.
  --origin and --method may repeat: every origin with every method, and one
  fix for them all, merged per header.
  --framework writes the fix as plain headers (default), as the options of
  Express cors, @fastify/cors or hono/cors, or as nginx configuration; auto
  guesses from the server's headers and says what the guess rests on.
  --origin null: the page is a sandboxed iframe (Origin: null).
  --cookie 'name=value' (repeatable): a cookie for URL's host (needs
  --credentials include for a cross-origin URL).
  --insecure: accept any TLS certificate (a self-signed https API).
  --then METHOD (repeatable): another request to URL after the first, in the
  same page: tells whether a preflight was sent again (preflight cache).
  --json FILE writes the result(s) as JSON. Exit 0 when allowed, 1 when any
  request is blocked, 2 for bad input.`;

/** Which flag a bad field came from, for the message. */
const FLAG: Record<ProbeField, string> = {
  url: 'URL',
  origin: '--origin',
  method: '--method',
  headers: '-H',
  body: '--body',
  credentials: '--credentials',
  mode: '--mode',
  cookies: '--cookie',
  insecure: '--insecure',
  then: '--then',
  framework: '--framework',
};

/** `-H 'Name: value'`, as curl takes it. */
function headerLine(text: string): [string, string] {
  const colon = text.indexOf(':');
  if (colon <= 0) throw new CliError(`probe: -H: expected 'Name: value', got ${JSON.stringify(text)}`);
  return [text.slice(0, colon).trim(), text.slice(colon + 1).replace(/^[ \t]+/, '')];
}

function oneOf<T extends string>(flag: string, allowed: readonly T[], value: string | undefined): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new CliError(`probe: ${flag}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  return value as T;
}

export async function probeCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    'probe',
    args,
    {
      origin: { type: 'string', multiple: true },
      method: { type: 'string', multiple: true },
      header: { type: 'string', short: 'H', multiple: true },
      body: { type: 'string' },
      credentials: { type: 'string' },
      mode: { type: 'string' },
      json: { type: 'string' },
      cookie: { type: 'string', multiple: true },
      insecure: { type: 'boolean' },
      then: { type: 'string', multiple: true },
      framework: { type: 'string' },
      help: { type: 'boolean' },
    },
    true,
  );
  if (values.help) return void io.out(`${PROBE_HELP}\n`), 0;
  if (positionals.length !== 1) throw new CliError(`probe: expected one URL, got ${positionals.length === 0 ? 'none' : positionals.map((p) => JSON.stringify(p)).join(' ')}\nSee: cors-lab probe --help`);
  if (!values.origin?.length) throw new CliError('probe: --origin: required (the page origin the request comes from, e.g. --origin http://localhost:3000)');
  if (values.json === '') throw new CliError('probe: --json: needs a file name');
  const headers: HeaderLines = (values.header ?? []).map(headerLine);
  const credentials = oneOf('--credentials', CREDENTIALS, values.credentials);
  const mode = oneOf('--mode', MODES, values.mode);
  const framework = oneOf('--framework', FRAMEWORK_CHOICES, values.framework) ?? 'headers';
  const methods = values.method?.length ? values.method : ['GET'];
  const all: ProbeOptions[] = values.origin.flatMap((origin) =>
    methods.map((method) => ({
      url: positionals[0] as string,
      origin,
      method,
      headers,
      body: values.body ?? null,
      ...(credentials ? { credentials } : {}),
      ...(mode ? { mode } : {}),
      cookies: values.cookie ?? [],
      insecure: values.insecure ?? false,
      then: (values.then ?? []).map((then) => ({ method: then })),
      framework,
    })),
  );
  // Every combination is checked before the browser starts.
  try {
    for (const options of all) probeRequest(options);
  } catch (error) {
    if (error instanceof ProbeInputError) throw new CliError(`probe: ${FLAG[error.field]}: ${error.message}`);
    throw error;
  }
  if (values.json) {
    await writeFile(values.json, '').catch((error: NodeJS.ErrnoException) => {
      throw new CliError(`probe: --json: cannot write ${values.json}: ${error.code ?? error.message}`);
    });
  }
  // Loaded once the input is checked: --help and bad input never load the browser driver (playwright-core).
  const [{ launchChromium }, { probe }, { mergedFixReport }] = await Promise.all([
    import('../../runner/launch.ts'),
    import('../../probe/probe.ts'),
    import('../../probe/merged-fix-text.ts'),
  ]);
  const browser = await launchChromium();
  const results: ProbeResult[] = [];
  try {
    for (const options of all) {
      const result = await probe(options, browser);
      results.push(result);
      // Several probes share one fix, merged per header, after the table.
      io.out(`${probeReport(result, { fix: all.length === 1 })}\n`);
    }
  } finally {
    await browser.close();
  }
  if (results.length > 1) io.out(`${probeMatrix(results)}${mergedFixReport(results, framework)}\n`);
  if (values.json) {
    const records = results.map(probeRecord);
    await writeFile(values.json, printableJson(records.length === 1 ? records[0] : records));
    io.out(`wrote ${values.json}\n`);
  }
  return results.some((r) => r.outcome === 'blocked') ? 1 : 0;
}
