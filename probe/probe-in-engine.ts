/**
 * The probe in Firefox or WebKit: the same steps as in Chromium (probe-steps.ts) through the one step function
 * (engines/run-steps.ts), in a tab of that engine's driver whose page is the probe page at ORIGIN, nothing
 * running there (the driver's openPageAt: BiDi interception in Firefox, WebKit's load_html in WebKit). The
 * request goes to the user's URL for real; the result is what the page saw and what the engine said.
 */
import type { EngineBrowser } from '../engines/engine.ts';
import { runStep } from '../engines/run-steps.ts';
import { runnerScript } from '../servers/runner-script.ts';
import {
  cannotTell, decidedInEngine, ENGINE_WORDS, type EngineProbeResult, type EngineThenResult, type OtherEngine,
} from './engine-probe-result.ts';
import { NULL_ORIGIN, ProbeInputError, probeRequest, type ProbeOptions, type ProbeRequest } from './probe-options.ts';
import { probePage } from './probe-page.ts';
import { probeStepRequest, probeSteps } from './probe-steps.ts';

/**
 * What the probe cannot do in another engine yet, as the input error it is (checked before any browser starts):
 * an opaque page origin, cookies and accepting any certificate are set up through Chromium's own protocol.
 */
export function engineProbeProblem(request: ProbeRequest, engine: OtherEngine): ProbeInputError | null {
  const only = (what: string): string =>
    `${what} runs in Chromium only (browser chromium), not in ${ENGINE_WORDS[engine]}`;
  if (request.origin === NULL_ORIGIN) return new ProbeInputError('origin', only('a probe from origin null'));
  if (request.cookies.length) return new ProbeInputError('cookies', only('a probe with cookies'));
  if (request.insecure) return new ProbeInputError('insecure', only('a probe that accepts any TLS certificate'));
  return null;
}

/** Probes one request in `browser` (Firefox or WebKit), in a session of its own (empty caches, no cookies). */
export async function probeInEngine(options: ProbeOptions, browser: EngineBrowser): Promise<EngineProbeResult> {
  if (browser.engine === 'chromium') throw new Error('probeInEngine: Chromium probes through probe.ts');
  const engine = browser.engine;
  const request = probeRequest(options);
  const problem = engineProbeProblem(request, engine);
  if (problem) throw problem;
  const html = probePage(await runnerScript());
  const session = await browser.newSession();
  try {
    if (!session.openPageAt) throw new Error(`${engine}: its driver cannot open a page at another origin`);
    const tab = await session.openPageAt({ url: `${request.origin}/`, html });
    try {
      const [first, ...then] = probeSteps(request);
      // The request's URL is the marker: the engine's lines that name it are this probe's.
      const { seen, verdict } = await runStep(tab, probeStepRequest(first, request), request.url);
      const thenResults: EngineThenResult[] = [];
      for (const step of then) {
        const done = await runStep(tab, probeStepRequest(step, request), request.url);
        const { outcome, status } = done.seen;
        thenResults.push({ method: step.request.method, outcome, reason: done.verdict.reason, status });
      }
      return {
        engine,
        browser: browser.version,
        request,
        outcome: seen.outcome,
        reason: verdict.reason,
        console: verdict.console,
        status: seen.status,
        responseType: seen.responseType,
        readableHeaders: seen.readableHeaders,
        pageError: seen.error,
        decidedBy: decidedInEngine(seen.outcome, verdict.reason),
        ...(thenResults.length ? { thenResults } : {}),
        cannotTell: cannotTell(engine),
      };
    } finally {
      await tab.close();
    }
  } finally {
    await session.close();
  }
}
