/**
 * What a learner reads before predicting: what the page asks for and how the
 * servers will answer, as short code-like text (header names stay as the
 * experiment writes them, in every language; the plan's tokens such as
 * `{page}` and `{origin:api2}` are shown as the origins of the running lab).
 * Nothing of the model's verdict or the explanation is here.
 */
import { msg, str } from '@lit/localize';
import { stepTitleIn } from '../../experiments/catalog/prose-in.ts';
import { currentLanguage } from '../i18n/localize.ts';
import { headersToText } from '../lab/header-text.ts';
import { pageOf, resolveRequest } from '../../format/format-defaults.ts';
import { isElementApi } from '../../format/embedding.ts';
import type { Experiment } from '../../format/schema.ts';
import type { HeaderMap } from '../../format/headers.ts';
import { expandTokens } from '../../plan/answer.ts';
import type { OriginMap } from '../../plan/origins.ts';
import { predictExperiment } from '../../experiments/model/predict.ts';

/**
 * Whether the OPTIONS answer is shown: `sent` when the browser will send a
 * preflight, `if-sent` when the learner is asked whether it does (then it is
 * shown either way, so the box does not answer the question), `none` when no
 * preflight goes out (a simple request sends none, so its answer would mislead).
 */
export type PreflightShown = 'sent' | 'if-sent' | 'none';

export interface ServerTextOptions {
  /** The running lab's origins; without them the tokens stay as written. */
  origins?: OriginMap;
  preflight: PreflightShown;
}

/**
 * The call the page makes: `fetch PUT api/anything` and its options and headers; beyond fetch (format 1.2)
 * the API by its name (`img GET partner/` and its `crossorigin`, `iframe`, `postMessage` and its
 * `targetOrigin`, `form`), after the page's own headers (COOP, COEP) when it has any, and each later
 * step's page when it is another one (an attacker's page), so a learner sees every part of the setup.
 */
export function requestText(experiment: Experiment): string {
  const r = resolveRequest(experiment.request);
  const options = r.api === 'fetch' || r.api === 'xhr';
  const lines = [
    r.crossorigin ? `crossorigin: ${r.crossorigin}` : '',
    experiment.request.targetOrigin !== undefined ? `targetOrigin: ${experiment.request.targetOrigin}` : '',
    // Format 1.2: where a message goes (a popup, not the default frame), and how a popup is opened.
    r.via === 'window-open' ? 'via: window-open' : '',
    r.noopener ? 'noopener: true' : '',
    // Mode, credentials and redirect are a fetch's (and XHR's) options; other APIs' follow from the API.
    options && r.mode !== 'cors' ? `mode: ${r.mode}` : '',
    options && r.credentials !== 'same-origin' ? `credentials: ${r.credentials}` : '',
    options && r.redirect !== 'follow' ? `redirect: ${r.redirect}` : '',
    r.targetAddressSpace ? `targetAddressSpace: ${r.targetAddressSpace}` : '',
    r.body !== null ? `body: ${JSON.stringify(r.body)}` : '',
  ].filter(Boolean);
  const headers = isElementApi(r.api) ? '' : headersToText(r.headers);
  const lang = currentLanguage();
  const then = (experiment.then ?? []).map((step, i) => {
    const what = step.request ? JSON.stringify(step.request) : msg('the same request again', { id: 'lesson.same-request-again' });
    const later = step.delayMs ? msg(str`, ${step.delayMs} ms later`, { id: 'lesson.ms-later' }) : '';
    const on = step.page ? `, ${msg(str`page ${step.page}`, { id: 'lesson.setup.page' })}` : '';
    return `then ${i + 1}${step.title ? ` (${stepTitleIn(step.title, lang)})` : ''}${on}: ${what}${later}`;
  });
  const page = msg(str`page ${pageOf(experiment)}`, { id: 'lesson.setup.page' });
  const pageHeaders = headersToText(experiment.pageHeaders ?? {});
  const servedWith = msg(str`page ${pageOf(experiment)}, served with:`, { id: 'lesson.setup.pageServedWith' });
  const call = r.api === 'xhr' ? 'XHR' : r.api;
  const asks = [`${page}: ${call} ${r.method} ${r.target}${r.path}`, ...lines, ...(headers ? [headers] : []), ...then].join('\n');
  return pageHeaders ? `${servedWith}\n${pageHeaders}\n\n${asks}` : asks;
}

/** How the servers answer: the preflight (PreflightShown), each redirect hop, the actual answer (or the middleware). */
export function serverText(experiment: Experiment, options: ServerTextOptions): string {
  const server = experiment.server ?? {};
  const { origins } = options;
  const none = msg('(no headers)', { id: 'lesson.noHeaders' });
  const reflect = msg('(the request’s Origin)', { id: 'lesson.reflectedOrigin' });
  const page = pageOf(experiment);
  const expand = (value: string, field: string): string => {
    if (!origins) return value;
    return expandTokens(value, field, { page, origins, requestOrigin: reflect });
  };
  const shown = (headers: HeaderMap | undefined): string => {
    const entries = Object.entries(headers ?? {}).map(([name, v]) => {
      return [name, Array.isArray(v) ? v.map((one) => expand(one, name)) : expand(v, name)];
    });
    return headersToText(Object.fromEntries(entries));
  };
  const block = (title: string, headers: string) => (headers ? `${title}\n${headers}` : `${title} ${none}`);
  const parts: string[] = [];
  if (options.preflight !== 'none') {
    const title = `OPTIONS → ${server.preflight?.status ?? 204}`;
    const ifSent = msg(str`${title} (if the browser sends one)`, { id: 'lesson.preflightIfSent' });
    parts.push(block(options.preflight === 'if-sent' ? ifSent : title, shown(server.preflight?.headers)));
  }
  (server.redirects ?? []).forEach((hop, i) => {
    const to = origins ? origins[hop.to] : hop.to;
    parts.push(block(`${msg(str`redirect ${i + 1}`, { id: 'lesson.setup.redirect' })}: ${hop.status ?? 302} → ${to}${hop.path ?? ''}`, shown(hop.headers)));
  });
  if (server.middleware) parts.push(`middleware: ${expand(JSON.stringify(server.middleware), 'middleware')}`);
  else {
    const { method } = resolveRequest(experiment.request);
    parts.push(block(`${method} → ${server.actual?.status ?? 200}`, shown(server.actual?.headers)));
  }
  return parts.join('\n\n');
}

/** Which OPTIONS answer to show (PreflightShown): from the model, unless the learner is asked. */
export function preflightShown(experiment: Experiment, asked: boolean, origins: OriginMap): PreflightShown {
  if (asked) return 'if-sent';
  return predictExperiment(experiment, origins).some((step) => step.preflight) ? 'sent' : 'none';
}
