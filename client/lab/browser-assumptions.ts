/**
 * What an experiment assumes of the browser (format 1.1 `browser`, the
 * `public` page), said in words for the playground. A page cannot change its
 * own browser's settings, and in the user's browser the lab's `public` origin
 * is loopback like the others, so where the user's browser cannot apply an
 * assumption the playground says so instead of reporting a disagreement. So
 * for format 1.2's `pageHeaders`, which the playground's framed runner page cannot apply.
 */
import { browserOf, pageOf } from '../../format/format-defaults.ts';
import type { Experiment } from '../../format/schema.ts';
import { modelMessages } from '../../experiments/model/messages/index.ts';
import type { Language } from '../../format/i18n/languages.ts';

export interface Assumptions {
  /** One sentence per setting the experiment states. */
  notes: string[];
  /** Why this browser cannot reproduce the experiment; null when it can. */
  unverifiable: string | null;
}

/** The assumptions in the reader's language (English by default). */
export function browserAssumptions(experiment: Pick<Experiment, 'browser' | 'page' | 'pageHeaders'> & Partial<Pick<Experiment, 'request' | 'then' | 'server'>>, lang: Language = 'en'): Assumptions {
  const say = modelMessages(lang).assumptions;
  const settings = browserOf(experiment);
  const notes: string[] = [];
  if (experiment.browser?.thirdPartyCookies !== undefined) notes.push(say.thirdPartyCookies(settings.thirdPartyCookies));
  if (experiment.browser?.localNetworkAccess !== undefined) notes.push(say.localNetworkAccess(settings.localNetworkAccess));
  // Format 1.2: a form submits into a popup, which the learner's popup blocker may stop (runner-page/run-form.ts).
  const apis = [experiment.request?.api, ...(experiment.then ?? []).map((s) => s.request?.api ?? experiment.request?.api)];
  if (apis.includes('form')) notes.push(say.formPopup());
  // Format 1.2: page headers (COOP, COEP, CSP): the playground's runner page is a frame of its own page, without them.
  const inFrame = experiment.pageHeaders !== undefined && Object.keys(experiment.pageHeaders).length > 0;
  // An https page (`secure`) is a frame of the http playground page there: the cookies it sets are third-party.
  const pages = [pageOf(experiment as Experiment), ...(experiment.then ?? []).map((s) => s.page)];
  const setsCookie = /set-cookie/i.test(JSON.stringify(experiment.server ?? {}));
  const secureCookies = pages.includes('secure') && setsCookie;
  const unverifiable = pageOf(experiment as Experiment) === 'public'
    ? say.publicOnLoopback()
    : inFrame ? say.pageHeadersInFrame() : secureCookies ? say.secureCookiesInFrame() : null;
  return { notes, unverifiable };
}
