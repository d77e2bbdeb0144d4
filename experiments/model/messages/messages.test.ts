/**
 * Every message of the model, rendered in every language for every catalog
 * experiment (the test knows which message functions the catalog calls; the
 * others, and every reason, are rendered with sample values): never empty; the header names, quoted values, code spans, URLs and
 * status codes of the English text exactly the same in each translation; a
 * translation of English prose holds no English prose; Chinese punctuation is
 * full-width and Latin words are set off from Han characters by a space.
 * A message missing from a language is a type error (`satisfies ModelMessages`).
 */
import { describe, expect, it, vi } from 'vitest';
import { catalog } from '../../catalog/index.ts';
import { LANGUAGES, SOURCE_LANGUAGE, type Language } from '../../../format/i18n/languages.ts';
import { OUTCOMES } from '../../../format/reasons.ts';
import { pageOf, resolveRequest, type Experiment } from '../../../format/schema.ts';
import { originMap, originsAtPortBase } from '../../../plan/origins.ts';
import { browserAssumptions } from '../../../client/lab/browser-assumptions.ts';
import { loadLessonsFromDisk } from '../../../lessons/load-from-disk.ts';
import { explain } from '../explain.ts';
import { changeTextIn, completeFixText, fixForAsync } from '../fix.ts';
import { MODEL_REASONS } from '../model-reasons.ts';
import { experimentUrl, predictExperiment, predictExperimentAsync } from '../predict.ts';
import { modelMessages, outcomeWord, reasonDescription } from './index.ts';
import { NO_HEADER_HELP_REASONS, type ReasonArgs } from './model-messages.ts';
import { englishWords, glossaryProblems } from '../../../format/i18n/zh-CN-rules.ts';

const origins = originMap(originsAtPortBase(5310));
const firstStepOfCatalog = () => predictExperiment(catalog[0] as Experiment, origins)[0]!;
const TRANSLATIONS = LANGUAGES.filter((l) => l !== SOURCE_LANGUAGE);

/** What a reader types or the browser prints: kept as it is in every language. */
const FIXED = /`[^`]*`|(?<![A-Za-z])'[^'\n]*'(?![A-Za-z])|"[^"\n]*"|https?:\/\/[\x21-\x7e]+|\b[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)+\b|\b\d{3}\b/g;
/** Two English words in a row, once the fixed parts are taken out: prose. */
const PROSE = /\b[a-z]{2,}\s+[a-z]{2,}\b/;
/** Names of the Fetch standard's algorithms, cited by name in every language. */
const CITED = ['HTTP-redirect fetch'];
const HAN = /[\u4e00-\u9fff]/;

function fixedParts(text: string): string[] {
  // A URL ends before the sentence's punctuation, which differs between languages.
  return (text.match(FIXED) ?? []).map((t) => (/^https?:/.test(t) ? t.replace(/[.,:;)]+$/, '') : t)).sort();
}

function prose(text: string): boolean {
  return PROSE.test(CITED.reduce((t, c) => t.replaceAll(c, ''), text.replace(FIXED, ' ')));
}

/** Holds one English text against its translation. */
function expectTranslated(english: string, translated: string, lang: Language, where: string): void {
  expect(english.trim(), `${where}: English`).not.toBe('');
  expect(translated.trim(), `${where}: ${lang}`).not.toBe('');
  expect(fixedParts(translated), `${where}: ${lang} keeps the header names, values and code of "${english}"`).toEqual(fixedParts(english));
  expect(prose(translated), `${where}: ${lang} holds English prose: "${translated}"`).toBe(false);
  if (lang !== 'zh-CN') return;
  if (prose(english)) expect(translated, `${where}: translated into Chinese`).toMatch(HAN);
  expect(translated, `${where}: a space between Han characters and Latin words`).not.toMatch(/[\u4e00-\u9fff][A-Za-z0-9]|[A-Za-z0-9][\u4e00-\u9fff]/);
  expect(translated, `${where}: full-width punctuation after Han characters`).not.toMatch(/[\u4e00-\u9fff][,.;:!?()]|[,;]\s*[\u4e00-\u9fff]/);
  // The glossary and the allowed English are the same rules a Chinese page is walked with (zh-CN-rules.ts).
  expect(glossaryProblems(translated), `${where}: the zh-CN glossary`).toEqual([]);
  expect(englishWords(translated), `${where}: English outside the allowed kinds in "${translated}"`).toEqual([]);
}

/** Every text the playground shows for one experiment, in one language, labelled for a message. */
async function texts(experiment: Experiment, lang: Language): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const steps = await predictExperimentAsync(experiment, origins, 'predicted', lang);
  const url = experimentUrl(experiment, origins, 'predicted');
  for (const [i, p] of steps.entries()) {
    for (const [k, check] of p.checks.entries()) out.set(`step ${i} check ${k}`, check.text);
    const then = experiment.then?.[i - 1];
    const page = then?.page ?? pageOf(experiment);
    const request = resolveRequest(experiment.request, then?.request);
    const e = explain(p, { url, pageOrigin: page === 'null' ? 'null' : origins[page], api: request.api, method: request.method, credentialsInclude: request.credentials === 'include', targetAddressSpace: request.targetAddressSpace }, lang);
    out.set(`step ${i} verdict`, e.verdict);
    if (e.fix !== null) out.set(`step ${i} fix hint`, e.fix);
    // The consoles are the browsers' own lines: the same in every language.
    out.set(`step ${i} consoles`, JSON.stringify([e.console, e.firefox, e.mdn]));
  }
  const fix = await fixForAsync(experiment, origins, lang);
  for (const [k, change] of fix.changes.entries()) {
    out.set(`fix change ${k}`, changeTextIn(change, lang));
    out.set(`fix change ${k} why`, change.why);
  }
  if (fix.impossible !== null) out.set('fix impossible', fix.impossible);
  const complete = await completeFixText(experiment, origins, lang);
  if (complete !== null) out.set('complete fix', complete);
  const assumed = browserAssumptions(experiment, lang);
  for (const [k, note] of assumed.notes.entries()) out.set(`assumption ${k}`, note);
  if (assumed.unverifiable !== null) out.set('unverifiable', assumed.unverifiable);
  // The page's TypeError is the browser's message, quoted as it is in every language: a fixed part.
  const errors = steps.flatMap((p) => (p.pageError ? [p.pageError] : []));
  return new Map([...out].map(([where, text]) => [where, errors.reduce((t, error) => t.replaceAll(error, '`page error`'), text)]));
}

/** Sentences no catalog experiment reaches: the model's fallbacks and dead ends, and middleware replies the catalog does not make. */
const UNREACHED_BY_CATALOG = ['check.mixedContent', 'check.corsOther', 'fix.noFailedCheck', 'fix.tooManyRounds', 'middleware.credentials', 'middleware.credentialsRefused', 'middleware.routeStatus', 'middleware.unknown'];

/** Every text of every catalog experiment in `lang`, and the names of the table's functions no experiment called. */
async function catalogTexts(lang: Language): Promise<{ texts: Map<string, string>[]; unreached: string[] }> {
  const table = modelMessages(lang);
  const spies = (['check', 'explain', 'fix', 'middleware', 'assumptions'] as const).flatMap((area) => {
    const functions = table[area] as unknown as Record<string, (...args: never[]) => unknown>;
    return Object.keys(functions).filter((name) => typeof functions[name] === 'function').map((name) => ({ name: `${area}.${name}`, spy: vi.spyOn(functions, name) }));
  });
  try {
    const all = await Promise.all(catalog.map((e) => texts(e, lang)));
    return { texts: all, unreached: spies.filter((s) => s.spy.mock.calls.length === 0).map((s) => s.name) };
  } finally {
    for (const { spy } of spies) spy.mockRestore();
  }
}

describe('the model in every language, for every catalog experiment', async () => {
  const english = await Promise.all(catalog.map((e) => texts(e, SOURCE_LANGUAGE)));
  it('renders a good share of messages per experiment', () => expect(english.reduce((n, t) => n + t.size, 0)).toBeGreaterThan(catalog.length * 8));
  for (const lang of TRANSLATIONS) {
    const translated = await catalogTexts(lang);
    it(`${lang}: the catalog calls every message function but those rendered by hand below`, () => expect(translated.unreached).toEqual(UNREACHED_BY_CATALOG));
    for (const [i, experiment] of catalog.entries()) {
      it(`${lang} ${experiment.id}: every text translated, its header names, values and code kept`, () => {
        const theirs = translated.texts[i] as Map<string, string>;
        const ours = english[i] as Map<string, string>;
        expect([...theirs.keys()]).toEqual([...ours.keys()]);
        for (const [where, text] of ours) {
          if (where.endsWith('consoles')) expect(theirs.get(where), where).toBe(text);
          else expectTranslated(text, theirs.get(where) ?? '', lang, `${experiment.id} ${where}`);
        }
      });
    }
  }
});

/** Sample values for a reason's words, with credentials and without. */
const SAMPLES: ReasonArgs[] = [false, true].map((credentialsInclude) => ({
  param: 'X-Token',
  origin: 'http://localhost:5310',
  method: 'PUT',
  credentialsInclude,
  requestHeaders: 'content-type,x-token',
  space: 'loopback',
  targetAddressSpace: 'local',
  allowOrigin: modelMessages('en').explain.allowOrigin('http://localhost:5310', credentialsInclude),
}));

describe('the message functions no catalog experiment calls', () => {
  for (const lang of TRANSLATIONS) {
    it(`${lang}: rendered with sample values`, () => {
      const ours = modelMessages(SOURCE_LANGUAGE);
      const theirs = modelMessages(lang);
      const pairs: Array<[string, string, string]> = [
        // Only WebKit's model blocks a fetch as mixed content (engine-rules.ts loopbackHttpIsMixedContent).
        ['check.mixedContent', ours.check.mixedContent('http://localhost:5311'), theirs.check.mixedContent('http://localhost:5311')],
        ['check.corsOther', ours.check.corsOther('InvalidResponse', 'http://localhost:5310'), theirs.check.corsOther('InvalidResponse', 'http://localhost:5310')],
        ['fix.noFailedCheck', ours.fix.noFailedCheck('MissingAllowOriginHeader'), theirs.fix.noFailedCheck('MissingAllowOriginHeader')],
        ['fix.tooManyRounds', ours.fix.tooManyRounds(24), theirs.fix.tooManyRounds(24)],
        ['middleware.credentials', ours.middleware.credentials(), theirs.middleware.credentials()],
        ['middleware.credentialsRefused', ours.middleware.credentialsRefused('InvalidAllowCredentials'), theirs.middleware.credentialsRefused('InvalidAllowCredentials')],
        ['middleware.routeStatus', ours.middleware.routeStatus('hono/cors'), theirs.middleware.routeStatus('hono/cors')],
        ['middleware.unknown', ours.middleware.unknown('cors', 'PreflightDisallowedRedirect'), theirs.middleware.unknown('cors', 'PreflightDisallowedRedirect')],
      ];
      expect(pairs.map(([name]) => name)).toEqual(UNREACHED_BY_CATALOG);
      for (const [name, english, translated] of pairs) expectTranslated(english, translated, lang, name);
    });
  }
});

describe('every reason and every fixed sentence in every language', () => {
  for (const lang of TRANSLATIONS) {
    const ours = modelMessages(SOURCE_LANGUAGE);
    const theirs = modelMessages(lang);
    it(`${lang}: the words of every reason the model returns`, () => {
      for (const reason of MODEL_REASONS) {
        for (const sample of SAMPLES) {
          const args = { ...sample, allowOrigin: theirs.explain.allowOrigin(sample.origin, sample.credentialsInclude) };
          expectTranslated(ours.explain.reasons[reason].what(sample), theirs.explain.reasons[reason].what(args), lang, `${reason} what`);
          expectTranslated(ours.explain.reasons[reason].fix(sample), theirs.explain.reasons[reason].fix(args), lang, `${reason} fix`);
        }
      }
    });
    it(`${lang}: what every reason means, for a list to choose from`, () => {
      for (const reason of MODEL_REASONS) expectTranslated(reasonDescription(reason) ?? '', reasonDescription(reason, lang) ?? '', lang, `${reason} description`);
      expect(reasonDescription('corp-not-same-origin-after-defaulted-to-same-origin-by-coep-and-dip', lang)).toBeNull();
    });
    it(`${lang}: every reason a lesson offers the learner has a description`, () => {
      const offered = new Set(Object.values(loadLessonsFromDisk()).flatMap((set) => set.flatMap((lesson) => Object.values(lesson.predict).flatMap((p) => p.reasons ?? []))));
      expect(offered.size).toBeGreaterThan(5);
      for (const reason of offered) expect(reasonDescription(reason, lang), reason).toMatch(/\S/);
    });
    it(`${lang}: why no header helps, for every such reason`, () => {
      for (const reason of NO_HEADER_HELP_REASONS) expectTranslated(ours.fix.noHeaderHelps[reason], theirs.fix.noHeaderHelps[reason], lang, reason);
    });
    it(`${lang}: every browser setting an experiment can assume`, () => {
      for (const thirdPartyCookies of ['blocked', 'allowed'] as const) {
        for (const localNetworkAccess of ['denied', 'granted'] as const) {
          const experiment = { page: 'public' as const, browser: { thirdPartyCookies, localNetworkAccess } };
          const a = browserAssumptions(experiment);
          const b = browserAssumptions(experiment, lang);
          expect(b.notes).toHaveLength(a.notes.length);
          a.notes.forEach((note, k) => expectTranslated(note, b.notes[k] ?? '', lang, `${thirdPartyCookies} ${localNetworkAccess} note ${k}`));
          expectTranslated(a.unverifiable ?? '', b.unverifiable ?? '', lang, 'public page');
        }
      }
    });
    it(`${lang}: the outcome words`, () => {
      for (const outcome of OUTCOMES) expect(outcomeWord(outcome, lang)).not.toBe(outcomeWord(outcome));
      if (lang === 'zh-CN') for (const outcome of OUTCOMES) expect(outcomeWord(outcome, lang)).toMatch(HAN);
    });
  }
});

describe('the default language', () => {
  it('refuses a language it does not know, naming it and the ones it knows', () => {
    const fr = 'fr' as Language;
    expect(() => modelMessages(fr)).toThrow('lang: unknown language "fr"; use one of en, zh-CN');
    expect(() => explain(firstStepOfCatalog(), { url: 'http://localhost:5311/', pageOrigin: 'http://localhost:5310', api: 'fetch', method: 'GET', credentialsInclude: false }, fr)).toThrow(/unknown language "fr"/);
  });

  it('is English, as the CLI and the library print it', async () => {
    const experiment = catalog.find((e) => e.id === 'simple-get-no-acao') ?? (catalog[0] as Experiment);
    const [english] = await predictExperimentAsync(experiment, origins);
    const [chinese] = await predictExperimentAsync(experiment, origins, 'predicted', 'zh-CN');
    expect(english?.checks.map((c) => c.text).join('\n')).not.toMatch(HAN);
    expect(chinese?.checks.map((c) => c.text).join('\n')).toMatch(HAN);
  });
});
