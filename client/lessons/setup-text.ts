/**
 * What a learner reads before predicting: what the page asks for and how the
 * servers will answer, as short code-like text (header names, origins and
 * tokens such as `{page}` stay as the experiment writes them, in every
 * language). Nothing of the model's prediction or the explanation is here.
 */
import { msg, str } from '@lit/localize';
import { stepTitleIn } from '../../experiments/catalog/prose-in.ts';
import { currentLanguage } from '../i18n/localize.ts';
import { headersToText } from '../lab/header-text.ts';
import { pageOf, resolveRequest, type Experiment } from '../../experiments/schema.ts';

/** The call the page makes: `fetch PUT api/anything` and its options and headers. */
export function requestText(experiment: Experiment): string {
  const r = resolveRequest(experiment.request);
  const options = [
    r.mode !== 'cors' ? `mode: ${r.mode}` : '',
    r.credentials !== 'same-origin' ? `credentials: ${r.credentials}` : '',
    r.redirect !== 'follow' ? `redirect: ${r.redirect}` : '',
    r.targetAddressSpace ? `targetAddressSpace: ${r.targetAddressSpace}` : '',
    r.body !== null ? `body: ${JSON.stringify(r.body)}` : '',
  ].filter(Boolean);
  const headers = headersToText(r.headers);
  const lang = currentLanguage();
  const then = (experiment.then ?? []).map((step, i) => {
    const what = step.request ? JSON.stringify(step.request) : msg('the same request again', { id: 'lesson.same-request-again' });
    const later = step.delayMs ? msg(str`, ${step.delayMs} ms later`, { id: 'lesson.ms-later' }) : '';
    return `then ${i + 1}${step.title ? ` (${stepTitleIn(step.title, lang)})` : ''}: ${what}${later}`;
  });
  const page = msg(str`page ${pageOf(experiment)}`, { id: 'lesson.setup.page' });
  return [`${page}: ${r.api === 'xhr' ? 'XHR' : 'fetch'} ${r.method} ${r.target}${r.path}`, ...options, ...(headers ? [headers] : []), ...then].join('\n');
}

/** How the servers answer: the preflight, each redirect hop, the actual answer (or the middleware). */
export function serverText(experiment: Experiment): string {
  const server = experiment.server ?? {};
  const none = msg('(no headers)', { id: 'lesson.noHeaders' });
  const block = (title: string, headers: string) => (headers ? `${title}\n${headers}` : `${title} ${none}`);
  const parts = [block(`OPTIONS → ${server.preflight?.status ?? 204}`, headersToText(server.preflight?.headers))];
  (server.redirects ?? []).forEach((hop, i) => parts.push(block(`${msg(str`redirect ${i + 1}`, { id: 'lesson.setup.redirect' })}: ${hop.status ?? 302} → ${hop.to}${hop.path ?? ''}`, headersToText(hop.headers))));
  if (server.middleware) parts.push(`middleware: ${JSON.stringify(server.middleware)}`);
  else parts.push(block(`${resolveRequest(experiment.request).method} → ${server.actual?.status ?? 200}`, headersToText(server.actual?.headers)));
  return parts.join('\n\n');
}
