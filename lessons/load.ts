/**
 * Reads lesson files into checked lessons. Pure: it takes the files' text,
 * so Node (tests) and the browser (index.ts, through Vite) share it. Every
 * problem names the file, the line and the field:
 * `lessons/zh-CN/04-the-preflight.md:9: fixIt.experiment: "a" here but "b" in lessons/en/04-the-preflight.md`.
 */
import { issueMessage, jsonPath } from '../format/experiment-error.ts';
import { FrontMatterError, lineOfPath, splitLesson } from './front-matter.ts';
import { claimsOf, splitClaims, unbackedReasons } from './claims.ts';
import { cjkSoftBreaks } from './line-breaks.ts';
import { outcomeWordsIn } from './outcome-words.ts';
import { hasHan, narrativeLength } from './narrative-length.ts';
import { LESSON_LANGUAGES, NARRATIVE_MINIMUM, lessonFrontMatterSchema, type Lesson, type LessonFrontMatter, type LessonLanguage } from './schema.ts';

export class LessonError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'LessonError';
  }
}

export type LessonSet = Record<LessonLanguage, Lesson[]>;

/** A parsed lesson and the file line of each front-matter field, or the problems. */
export type ParsedLesson = { lesson: Lesson; problems: [] } | { lesson: null; problems: string[] };

/** `lessons/en/04-the-preflight.md:12: predict.x.outcomes`: where a field of a loaded lesson is written. */
export function whereIs(lesson: Lesson, path: readonly PropertyKey[]): string {
  return `${lesson.file}:${lineOfPath(lesson.lines, path)}: ${jsonPath(path)}`;
}

const FILE_NAME = /(?:^|\/)([^/]+)\/(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

function isLanguage(value: string): value is LessonLanguage {
  return (LESSON_LANGUAGES as readonly string[]).includes(value);
}

/** Parses one lesson file; `file` is the path shown in messages. Returns the lesson, or the problems. */
export function parseLesson(file: string, text: string): ParsedLesson {
  const name = FILE_NAME.exec(file);
  if (!name) return { lesson: null, problems: [`${file}: a lesson file is named <lang>/NN-slug.md, e.g. en/04-the-preflight.md`] };
  const [, lang = '', nn = '', slug = ''] = name;
  if (!isLanguage(lang)) return { lesson: null, problems: [`${file}: unknown language folder "${lang}"; known: ${LESSON_LANGUAGES.join(', ')}`] };

  let split;
  try {
    split = splitLesson(text);
  } catch (error) {
    if (error instanceof FrontMatterError) return { lesson: null, problems: [`${file}:${error.line}: ${error.detail}`] };
    throw error;
  }
  const { data, lines, body, bodyLine } = split;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { lesson: null, problems: [`${file}:2: the front matter is one JSON object`] };
  const at = (path: readonly PropertyKey[]): string => `${file}:${lineOfPath(lines, path)}: ${jsonPath(path)}`;

  const result = lessonFrontMatterSchema.safeParse(data);
  if (!result.success) return { lesson: null, problems: result.error.issues.map((issue) => `${at(issue.path)}: ${issueMessage(issue)}`) };
  const front = result.data;
  const problems: string[] = [];

  if (front.id !== slug) problems.push(`${at(['id'])}: "${front.id}" must match the file name's slug "${slug}"`);
  const length = narrativeLength(body, lang);
  const minimum = NARRATIVE_MINIMUM[lang];
  if (length < minimum.count) problems.push(`${file}:${bodyLine}: narrative: ${length} ${minimum.unit}; a lesson in ${lang} has at least ${minimum.count}`);
  for (const [path, words] of localizedTexts(front)) {
    if (lang === 'en' && hasHan(words)) problems.push(`${at(path)}: English text holds Chinese characters`);
    if (lang !== 'en' && !hasHan(words)) problems.push(`${at(path)}: not translated: a ${lang} text holds Chinese characters`);
  }
  for (const [id, question] of Object.entries(front.questions)) {
    const giveaway = outcomeWordsIn(question, lang);
    if (giveaway.length > 0) problems.push(`${at(['questions', id])}: "${giveaway.join('", "')}" gives the result away: a question names the setup only`);
  }
  if (lang !== 'en' && !hasHan(body)) problems.push(`${file}:${bodyLine}: narrative: not translated`);
  for (const i of cjkSoftBreaks(body)) problems.push(`${file}:${bodyLine + i}: narrative: a line break inside a Chinese paragraph shows as a space; keep the paragraph on one line`);

  for (const { line, message } of splitClaims(body).problems) problems.push(`${file}:${bodyLine + line}: narrative: ${message}`);
  for (const { line, reason } of unbackedReasons(body)) {
    problems.push(`${file}:${bodyLine + line}: narrative: names ${reason} without citing an experiment that shows it: add {{see experiment-id: blocked ${reason}}} to the paragraph`);
  }
  if (problems.length > 0) return { lesson: null, problems };
  const narrative = body.trim();
  const narrativeLine = bodyLine + (body.slice(0, body.length - body.trimStart().length).match(/\n/g)?.length ?? 0);
  return { lesson: { ...front, lang, order: Number(nn), file, narrative, narrativeLine, claims: claimsOf(narrative), lines }, problems: [] };
}

/** The texts a translator translates, with their JSON paths. */
function localizedTexts(front: LessonFrontMatter): Array<[PropertyKey[], string]> {
  return [
    [['title'], front.title],
    [['fixIt', 'goal'], front.fixIt.goal],
    [['fixIt', 'learned'], front.fixIt.learned],
    ...Object.entries(front.questions).map(([id, question]): [PropertyKey[], string] => [['questions', id], question]),
    ...front.speakerNotes.map((note, i): [PropertyKey[], string] => [['speakerNotes', i], note])];
}

/** The fields that are data, not words: the same in every language. */
function languageNeutral(lesson: Lesson): Array<[PropertyKey[], unknown]> {
  const { goal: _goal, learned: _learned, ...fixIt } = lesson.fixIt;
  return [
    [['id'], lesson.id],
    [['minutes'], lesson.minutes],
    [['experiments'], lesson.experiments],
    [['predict'], lesson.predict],
    [['fixIt'], fixIt],
    // The same claims, in the same order, in every language: a translation says no more and no less.
    [['claims'], lesson.claims.map(({ line: _line, ...claim }) => claim)],
  ];
}

/** JSON with object keys sorted, so equal data compares equal whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Loads a whole course: `files` maps each path (ending in `<lang>/NN-slug.md`)
 * to its text. Throws LessonError listing every problem in every file.
 */
export function loadLessons(files: Readonly<Record<string, string>>): LessonSet {
  const problems: string[] = [];
  const set: LessonSet = { en: [], 'zh-CN': [] };
  for (const [file, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const parsed = parseLesson(file, text);
    problems.push(...parsed.problems);
    if (parsed.lesson) set[parsed.lesson.lang].push(parsed.lesson);
  }
  for (const lang of LESSON_LANGUAGES) {
    set[lang].sort((a, b) => a.order - b.order);
    set[lang].forEach((lesson, i) => {
      if (lesson.order !== i + 1) problems.push(`${lesson.file}: lesson number ${String(lesson.order).padStart(2, '0')} out of sequence: expected ${String(i + 1).padStart(2, '0')} (lessons are numbered 01, 02, ... without gaps)`);
    });
  }
  if (set.en.length === 0 && problems.length === 0) problems.push('lessons/en: no lessons');
  problems.push(...compareTranslations(files, set));
  if (problems.length > 0) throw new LessonError(problems);
  return set;
}

/** Every lesson exists in every language, with the same data. */
function compareTranslations(files: Readonly<Record<string, string>>, set: LessonSet): string[] {
  const problems: string[] = [];
  const baseName = (file: string): string => file.slice(file.lastIndexOf('/') + 1);
  const [reference, ...others] = LESSON_LANGUAGES;
  const fileIn = (lang: LessonLanguage, name: string): string | undefined =>
    Object.keys(files).find((f) => FILE_NAME.exec(f)?.[1] === lang && baseName(f) === name);
  for (const lang of others) {
    for (const lesson of set[reference]) {
      if (!fileIn(lang, baseName(lesson.file))) problems.push(`${lesson.file}: no ${lang} translation (expected ${lang}/${baseName(lesson.file)})`);
    }
    for (const lesson of set[lang]) {
      const original = set[reference].find((l) => baseName(l.file) === baseName(lesson.file));
      if (!original) {
        if (!fileIn(reference, baseName(lesson.file))) problems.push(`${lesson.file}: no ${reference} original (expected ${reference}/${baseName(lesson.file)})`);
        continue;
      }
      const theirs = new Map(languageNeutral(original).map(([path, value]) => [jsonPath(path), canonical(value)]));
      for (const [path, value] of languageNeutral(lesson)) {
        if (theirs.get(jsonPath(path)) !== canonical(value)) {
          problems.push(`${whereIs(lesson, path)}: differs from ${original.file} (data other than words is the same in every language)`);
        }
      }
    }
  }
  return problems;
}
