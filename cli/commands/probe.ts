import { writeFile } from 'node:fs/promises';
import type { HeaderLines } from '../../format/headers.ts';
import { CREDENTIALS, MODES } from '../../format/request-modes.ts';
import type { ProbeResult } from '../../probe/probe.ts';
import { ProbeInputError, probeRequest, type ProbeField, type ProbeOptions } from '../../probe/probe-options.ts';
import { probeRecord } from '../../probe/probe-result.ts';
import { FRAMEWORK_CHOICES } from '../../probe/framework.ts';
import { probeMatrix, probeReport } from '../../probe/probe-text.ts';
import { CliError } from '../cli-error.ts';
import type { Io } from '../io.ts';
import { parse } from '../options.ts';
import { printableJson } from '../../format/terminal-text.ts';
import { BROWSER_CHOICES, browserEngines } from '../browser-option.ts';
import type { EngineName } from '../../engines/engine.ts';
import { enginesDisagree, type EngineProbeResult, type OtherEngine } from '../../probe/engine-probe-result.ts';
import { engineProbeProblem } from '../../probe/probe-in-engine.ts';

export const PROBE_HELP = `cors-lab probe URL --origin ORIGIN [--method M] [-H 'Name: value']... [--body TEXT]
               [--credentials ${CREDENTIALS.join('|')}] [--mode ${MODES.join('|')}] [--json FILE]
               [--cookie 'name=value']... [--insecure] [--then METHOD]...
               [--framework ${FRAMEWORK_CHOICES.join('|')}] [--browser ${BROWSER_CHOICES.replaceAll(' ', '')}]
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
  --browser chromium|firefox|webkit|all (or a comma list; default chromium):
  the request in each engine, with that engine's reason and console line,
  and a line where their outcomes differ. The preflight, the headers, the
  hops, Local Network Access and cookies are Chromium's (only its DevTools
  Protocol shows them); --origin null, --cookie and --insecure are Chromium's
  only. An engine that is not installed: its name and what to install, exit 2.
  --json FILE writes the result(s) as JSON, each with its "engine". Exit 0
  when allowed, 1 when any request is blocked (in any engine), 2 for bad input.`;

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
  browser: '--browser',
};

/** Each probe's results, Chromium's first when it ran, in the engines' order. */
interface Probed {
  chromium: ProbeResult | null;
  others: EngineProbeResult[];
}

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
      browser: { type: 'string' },
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
  const engines = browserEngines(values.browser, 'probe: --browser').engines;
  const others = engines.filter((engine): engine is OtherEngine => engine !== 'chromium');
  // Every combination is checked before the browser starts.
  try {
    for (const options of all) {
      const request = probeRequest(options);
      for (const engine of others) {
        const problem = engineProbeProblem(request, engine);
        if (problem) throw problem;
      }
    }
  } catch (error) {
    if (error instanceof ProbeInputError) throw new CliError(`probe: ${FLAG[error.field]}: ${error.message}`);
    throw error;
  }
  // Chromium by default finds its browser as it always has (launchChromium's message); named engines are checked here.
  if (values.browser !== undefined) await notInstalled(engines);
  if (values.json) {
    await writeFile(values.json, '').catch((error: NodeJS.ErrnoException) => {
      throw new CliError(`probe: --json: cannot write ${values.json}: ${error.code ?? error.message}`);
    });
  }
  // Loaded once the input is checked: --help and bad input never load the browser driver (playwright-core).
  const [{ launchChromium }, { probe }, { mergedFixReport }, { LAUNCHERS }, { probeInEngine }, text] =
    await Promise.all([
      import('../../runner/launch.ts'),
      import('../../probe/probe.ts'),
      import('../../probe/merged-fix-text.ts'),
      import('../../runner/engine-launchers.ts'),
      import('../../probe/probe-in-engine.ts'),
      import('../../probe/engine-probe-text.ts'),
    ]);
  // Each browser starts once for every probe; each probe gets a context (a session) of its own.
  const chromium = engines.includes('chromium') ? await launchChromium() : null;
  const launched = new Map<OtherEngine, Awaited<ReturnType<(typeof LAUNCHERS)[OtherEngine]>>>();
  const probed: Probed[] = [];
  try {
    for (const engine of others) launched.set(engine, await LAUNCHERS[engine]('blocked'));
    for (const options of all) {
      const result = chromium ? await probe(options, chromium) : null;
      // Several probes share one fix, merged per header, after the table.
      if (result && others.length) io.out(text.CHROMIUM_TITLE);
      if (result) io.out(`${probeReport(result, { fix: all.length === 1 })}\n`);
      const inEngines: EngineProbeResult[] = [];
      for (const [, browser] of launched) {
        const done = await probeInEngine(options, browser);
        inEngines.push(done);
        io.out(`${text.engineProbeReport(done)}\n`);
      }
      const outcomes = [...(result ? [{ engine: 'chromium' as const, ...result }] : []), ...inEngines];
      const disagree = enginesDisagree(outcomes);
      if (disagree) io.out(`${disagree}\n\n`);
      probed.push({ chromium: result, others: inEngines });
    }
  } finally {
    await Promise.all([chromium?.close(), ...[...launched.values()].map((browser) => browser.close())]);
  }
  const results = probed.flatMap((p) => (p.chromium ? [p.chromium] : []));
  if (results.length > 1) io.out(`${probeMatrix(results)}${mergedFixReport(results, framework)}\n`);
  if (values.json) {
    const records = probed.flatMap((p) => [
      ...(p.chromium ? [{ engine: 'chromium' as const, ...probeRecord(p.chromium) }] : []),
      ...p.others,
    ]);
    await writeFile(values.json, printableJson(records.length === 1 ? records[0] : records));
    io.out(`wrote ${values.json}\n`);
  }
  const outcomes = probed.flatMap((p) => [p.chromium?.outcome, ...p.others.map((r) => r.outcome)]);
  return outcomes.includes('blocked') ? 1 : 0;
}

/**
 * An engine asked for that is not installed: its name and what to install (its finder's words, as `run` prints
 * them; README "Getting a browser"), exit 2. A probe never leaves an engine out silently.
 */
async function notInstalled(engines: readonly EngineName[]): Promise<void> {
  const { missingEngine } = await import('../../runner/engine-launchers.ts');
  const missing = engines.flatMap((engine) => {
    const why = missingEngine(engine);
    return why === null ? [] : [`${engine} is not installed: ${why}`];
  });
  if (missing.length) {
    throw new CliError(`probe: --browser: ${missing.join('\n')}\nSee README "Getting a browser" (Firefox, WebKit).`);
  }
}
