/** Claims in a narrative: the marker, the paragraphs that name a reason, and the course held to them. */
import { describe, expect, it } from 'vitest';
import { catalog } from '../experiments/catalog/index.ts';
import { originMap, originsAtPortBase } from '../plan/origins.ts';
import { checkAgainstCatalog } from './catalog-check.ts';
import { claimsOf, splitClaims, unbackedReasons } from './claims.ts';
import { EN, EN_WORDS, ZH, ZH_TEXT, file, front, good } from './fixture-lesson.ts';
import { lessons } from './index.ts';
import { parseLesson } from './load.ts';
import { outcomeWordsIn } from './outcome-words.ts';
import { LESSON_LANGUAGES } from './schema.ts';

const origins = originMap(originsAtPortBase(5310));

describe('claim markers', () => {
  it('reads experiment, outcome and reason, and the line of each', () => {
    const text = 'A 404 without headers gives `PreflightMissingAllowOriginHeader`\n{{see preflight-status-404-no-cors: blocked PreflightMissingAllowOriginHeader}}.\n\nSame origin {{see simple-same-origin-request: allowed}}.';
    expect(claimsOf(text)).toEqual([
      { experiment: 'preflight-status-404-no-cors', step: 0, outcome: 'blocked', reason: 'PreflightMissingAllowOriginHeader', cookieSent: null, line: 1 },
      { experiment: 'simple-same-origin-request', step: 0, outcome: 'allowed', reason: null, cookieSent: null, line: 3 },
    ]);
    expect(claimsOf('{{see cookies-cross-site-none-secure-3pc-blocked then 1: allowed no-cookie}}')).toEqual([
      { experiment: 'cookies-cross-site-none-secure-3pc-blocked', step: 1, outcome: 'allowed', reason: null, cookieSent: false, line: 0 },
    ]);
    expect(claimsOf('{{see cache-new-method-not-covered then 1: blocked MethodDisallowedByPreflightResponse}}')[0]).toMatchObject({ step: 1, reason: 'MethodDisallowedByPreflightResponse' });
    expect(splitClaims(text).parts.map((p) => ('text' in p ? p.text : `[${p.claim.experiment}]`)).join('')).toBe(
      'A 404 without headers gives `PreflightMissingAllowOriginHeader`\n[preflight-status-404-no-cors].\n\nSame origin [simple-same-origin-request].',
    );
  });

  for (const [marker, message] of [
    ['{{see preflight-no-acao blocked}}', 'a claim marker is written'],
    ['{{see preflight-no-acao: refused}}', 'unknown outcome "refused"'],
    ['{{see preflight-no-acao: blocked NoSuchReason}}', 'unknown reason "NoSuchReason"'],
    ['{{ see Preflight-No-Acao: blocked}}', 'a claim marker is written'],
    ['{{see preflight-no-acao then 0: blocked}}', 'a claim marker is written'],
    ['{{see preflight-no-acao: blocked PreflightMissingAllowOriginHeader extra}}', '"extra" after the reason'],
    ['{{see canvas-tainted-by-no-cors-image: allowed canvasDirty=true}}', 'unknown observation "canvasDirty"'],
  ]) {
    it(`refuses ${marker}, naming the line`, () => {
      const { parts, problems } = splitClaims(`first line\n${marker}`);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.line).toBe(1);
      expect(problems[0]?.message).toContain(message);
      expect(parts.some((p) => 'claim' in p)).toBe(false);
    });
  }

  it('finds a paragraph that names a reason without a claim of it, and none once claimed', () => {
    expect(unbackedReasons('Intro.\n\nA 500 gives\n`PreflightInvalidStatus`.')).toEqual([{ line: 3, reason: 'PreflightInvalidStatus' }]);
    expect(unbackedReasons('A 500 gives `PreflightInvalidStatus` {{see preflight-status-500: blocked PreflightInvalidStatus}}.')).toEqual([]);
    // A claim of another reason does not back it, nor does a claim in another paragraph.
    expect(unbackedReasons('`PreflightInvalidStatus` {{see preflight-no-acao: blocked PreflightMissingAllowOriginHeader}}.')).toHaveLength(1);
    expect(unbackedReasons('`PreflightInvalidStatus`.\n\n{{see preflight-status-500: blocked PreflightInvalidStatus}}')).toHaveLength(1);
    expect(unbackedReasons('```\nPreflightInvalidStatus `PreflightInvalidStatus`\n```')).toEqual([]);
  });

  it('makes the loader name the file and line of an unbacked reason and of a broken marker', () => {
    const body = `${EN_WORDS}\n\nA 404 gives \`PreflightInvalidStatus\`.\n\n{{see preflight-no-acao}}`;
    const text = file({ front: front(), body });
    const bodyLine = text.split('\n').indexOf('---', 1) + 2;
    const parsed = parseLesson(EN, text);
    expect(parsed.problems).toEqual([
      `${EN}:${bodyLine + 4}: narrative: a claim marker is written {{see experiment-id[ then N]: outcome[ Reason][ cookie|no-cookie][ observation=true|false]}}, e.g. {{see preflight-no-acao: blocked PreflightMissingAllowOriginHeader}}`,
      `${EN}:${bodyLine + 2}: narrative: names PreflightInvalidStatus without citing an experiment that shows it: add {{see experiment-id: blocked PreflightInvalidStatus}} to the paragraph`,
    ]);
  });
});

describe('claims against the catalog and the model', () => {
  const lessonWith = (claim: string) => {
    const parsed = parseLesson(EN, file({ front: front(), body: `${EN_WORDS}\n\nSee ${claim}.` }));
    if (!parsed.lesson) throw new Error(parsed.problems.join('\n'));
    return parsed.lesson;
  };

  it('accepts a claim its experiment shows', () => {
    expect(checkAgainstCatalog([lessonWith('{{see preflight-status-404-no-cors: blocked PreflightMissingAllowOriginHeader}}')], catalog, origins)).toEqual([]);
  });

  it('refuses the order Lesson 4 used to teach: a 404 without CORS headers is not PreflightInvalidStatus', () => {
    const lesson = lessonWith('{{see preflight-status-404-no-cors: blocked PreflightInvalidStatus}}');
    expect(checkAgainstCatalog([lesson], catalog, origins)).toEqual([
      `${EN}:${lesson.narrativeLine + 2}: narrative: {{see preflight-status-404-no-cors}}: the claim says blocked PreflightInvalidStatus; the experiment expects blocked PreflightMissingAllowOriginHeader`,
      `${EN}:${lesson.narrativeLine + 2}: narrative: {{see preflight-status-404-no-cors}}: the claim says blocked PreflightInvalidStatus; the model predicts blocked PreflightMissingAllowOriginHeader`,
    ]);
  });

  it('holds a later step and the cookie to the experiment: the third-party cookie claims of lessons 5 and 12', () => {
    const blocked = '{{see cookies-cross-site-none-secure-3pc-blocked then 1: allowed no-cookie}}';
    expect(checkAgainstCatalog([lessonWith(blocked)], catalog, origins)).toEqual([]);
    expect(checkAgainstCatalog([lessonWith('{{see cookies-cross-site-none-secure-3pc-allowed then 1: allowed cookie}}')], catalog, origins)).toEqual([]);
    const wrong = checkAgainstCatalog([lessonWith(blocked.replace('no-cookie', 'cookie'))], catalog, origins);
    expect(wrong[0]).toContain('the claim says allowed cookie; the experiment expects allowed no-cookie');
    expect(checkAgainstCatalog([lessonWith('{{see preflight-no-acao then 1: allowed}}')], catalog, origins)[0]).toContain('has no step 1');
  });

  it('holds what the page observed to the experiment: a loaded image taints the canvas, a CORS one does not', () => {
    const tainted = '{{see canvas-tainted-by-no-cors-image: allowed loaded=true canvasTainted=true}}';
    expect(claimsOf(tainted)[0]?.observations).toEqual({ loaded: true, canvasTainted: true });
    expect(claimsOf('{{see preflight-no-acao: blocked}}')[0]).not.toHaveProperty('observations');
    expect(checkAgainstCatalog([lessonWith(tainted)], catalog, origins)).toEqual([]);
    expect(checkAgainstCatalog([lessonWith('{{see isolation-coop-and-coep-isolate: allowed crossOriginIsolated=true sharedArrayBuffer=true}}')], catalog, origins)).toEqual([]);
    const wrong = checkAgainstCatalog([lessonWith('{{see canvas-clean-with-cors-image: allowed canvasTainted=true}}')], catalog, origins);
    expect(wrong).toEqual([
      expect.stringContaining('the claim says allowed canvasTainted=true; the experiment expects allowed canvasTainted=false'),
      expect.stringContaining('the claim says allowed canvasTainted=true; the model predicts allowed canvasTainted=false'),
    ]);
    // A fetch observes nothing of an element: a claim that names it is refused, not passed.
    expect(checkAgainstCatalog([lessonWith('{{see preflight-put-allowed: allowed loaded=true}}')], catalog, origins)[0]).toContain('the experiment expects allowed loaded=unknown');
  });

  it('refuses a wrong outcome and an unknown experiment', () => {
    expect(checkAgainstCatalog([lessonWith('{{see preflight-put-allowed: blocked}}')], catalog, origins)[0]).toContain('the claim says blocked; the experiment expects allowed');
    expect(checkAgainstCatalog([lessonWith('{{see preflight-put-alowed: allowed}}')], catalog, origins)[0]).toContain('unknown experiment "preflight-put-alowed"');
  });

  it('holds every lesson\'s claims, in both languages, and cites existing experiments', () => {
    for (const lang of LESSON_LANGUAGES) {
      expect(checkAgainstCatalog(lessons[lang], catalog, origins)).toEqual([]);
      for (const lesson of lessons[lang]) for (const claim of lesson.claims) expect(catalog.some((e) => e.id === claim.experiment), claim.experiment).toBe(true);
    }
  });

  it('teaches Lesson 4\'s order as Chromium follows it: the origin before the status', () => {
    const claims = lessons.en.find((l) => l.id === 'the-preflight')?.claims ?? [];
    expect(claims).toContainEqual(expect.objectContaining({ experiment: 'preflight-status-404-no-cors', reason: 'PreflightMissingAllowOriginHeader' }));
    expect(claims).toContainEqual(expect.objectContaining({ experiment: 'preflight-status-404-with-cors', reason: 'PreflightInvalidStatus' }));
    for (const lang of LESSON_LANGUAGES) expect(lessons[lang].find((l) => l.id === 'the-preflight')?.narrative).not.toMatch(/`404`\)? `PreflightInvalidStatus`/);
  });
});

describe('neutral questions', () => {
  it('finds outcome words, but not inside header names', () => {
    expect(outcomeWordsIn('A preflight answered with 500 stops the request', 'en')).toEqual(['stops']);
    expect(outcomeWordsIn('GET with the exact page origin is readable', 'en')).toEqual(['readable']);
    expect(outcomeWordsIn('An origin with a trailing slash does not match', 'en')).toEqual(['match']);
    expect(outcomeWordsIn('A PUT; the answer has Access-Control-Allow-Methods', 'en')).toEqual([]);
    expect(outcomeWordsIn('用 500 响应的预检会让请求止步', 'zh-CN')).toEqual(['止步']);
    expect(outcomeWordsIn('预检列出了 PUT，PUT 就被放行', 'zh-CN')).toEqual(['放行']);
  });

  it('makes the loader refuse a question that gives the result away, naming file, line and experiment', () => {
    const bad = { 'preflight-put-missing-allow-methods': 'PUT is blocked', 'preflight-put-allowed': 'A PUT' };
    const text = file({ front: front({ questions: bad }), body: EN_WORDS });
    const line = text.split('\n').findIndex((l) => l.includes('PUT is blocked')) + 1;
    expect(parseLesson(EN, text).problems).toEqual([`${EN}:${line}: questions["preflight-put-missing-allow-methods"]: "blocked" gives the result away: a question names the setup only`]);
    const zh = file({ front: front({ questions: { 'preflight-put-missing-allow-methods': '一个 PUT 被拦截', 'preflight-put-allowed': '一个 PUT' } }, 'zh-CN'), body: ZH_TEXT });
    expect(parseLesson(ZH, zh).problems[0]).toContain('"拦截" gives the result away');
  });

  it('asks a question for every experiment, and only for them', () => {
    const missing = parseLesson(EN, file({ front: front({ questions: { 'preflight-put-allowed': 'A PUT' } }), body: EN_WORDS }));
    expect(missing.problems[0]).toContain('no question for experiment "preflight-put-missing-allow-methods"');
    expect(parseLesson(EN, file(good())).problems).toEqual([]);
  });

  it('holds every lesson page title of the course: no outcome word, in any language', () => {
    for (const lang of LESSON_LANGUAGES) {
      for (const lesson of lessons[lang]) {
        for (const id of lesson.experiments) expect(outcomeWordsIn(lesson.questions[id] ?? '', lang), `${lesson.file}: ${id}`).toEqual([]);
      }
    }
  });
});

describe('the course cites', () => {
  it('at least one experiment in every lesson, in every language', () => {
    for (const lesson of [...lessons.en, ...lessons['zh-CN']]) expect(lesson.claims.length, lesson.file).toBeGreaterThan(0);
  });
});
