/**
 * Bad lesson files are refused with the file, the line and the field; a
 * course with a missing or diverging translation is refused too.
 */
import { describe, expect, it } from 'vitest';
import { EN, EN_WORDS, ZH, ZH_TEXT, file, front, good, lineOf } from './fixture-lesson.ts';
import { LessonError, loadLessons, parseLesson } from './load.ts';

function problems(path: string, text: string): string[] {
  return parseLesson(path, text).problems;
}

describe('parseLesson', () => {
  it('reads a good lesson, with order and language from the file name', () => {
    const parsed = parseLesson(EN, file(good()));
    expect(parsed.problems).toEqual([]);
    expect(parsed.lesson).toMatchObject({ id: 'the-preflight', lang: 'en', order: 1, minutes: 20, file: EN });
    expect(parsed.lesson?.narrative).toBe(EN_WORDS);
  });

  it('names the line of a JSON syntax error', () => {
    const text = file(good()).replace('"minutes": 20,', '"minutes": 20,,');
    expect(problems(EN, text)).toEqual([`${EN}:${lineOf(text, '"minutes"')}: invalid JSON: expected a property name in double quotes, found ","`]);
  });

  it('refuses a file without front matter, or with an unclosed one', () => {
    expect(problems(EN, '# The preflight\n')).toEqual([`${EN}:1: a lesson starts with a "---" line, then JSON front matter, then "---"`]);
    expect(problems(EN, '---\n{}\n')).toEqual([`${EN}:3: the front matter is not closed by a "---" line`]);
  });

  it('refuses a property written twice (JSON.parse would keep the last silently)', () => {
    const text = file(good()).replace('"minutes": 20,', '"minutes": 20,\n  "minutes": 25,');
    expect(problems(EN, text)).toEqual([`${EN}:${lineOf(text, '"minutes": 25') }: invalid JSON: property "minutes" appears twice`]);
  });

  it('names file, line and field of a schema problem', () => {
    const text = file({ ...good(), front: front({ minutes: 'twenty' }) });
    expect(problems(EN, text)).toEqual([`${EN}:${lineOf(text, '"minutes"')}: minutes: Invalid input: expected number, received string`]);
  });

  it('names a nested field: an outcome that does not exist', () => {
    const data = front();
    const predict = data.predict as Record<string, { outcomes: string[] }>;
    predict['preflight-put-allowed'] = { outcomes: ['allowed', 'forbidden'] };
    const text = file({ ...good(), front: data });
    expect(problems(EN, text)).toEqual([
      `${EN}:${lineOf(text, '"forbidden"')}: predict["preflight-put-allowed"].outcomes[1]: Invalid option: expected one of "allowed"|"blocked"|"opaque"`,
    ]);
  });

  it('refuses an unknown reason, naming it', () => {
    const data = front();
    (data.predict as Record<string, unknown>)['preflight-put-allowed'] = { outcomes: ['allowed', 'blocked'], reasons: ['MethodDisallowedByPreflightResponse', 'CorsBlocked'] };
    expect(problems(EN, file({ ...good(), front: data }))[0]).toMatch(/^lessons\/en\/01-the-preflight\.md:\d+: predict\["preflight-put-allowed"\]\.reasons\[1\]: unknown reason "CorsBlocked"/);
  });

  it('refuses a missing field, an unknown field, and too many experiments', () => {
    const { speakerNotes: _notes, ...noNotes } = front();
    expect(problems(EN, file({ ...good(), front: noNotes }))).toEqual([`${EN}:2: speakerNotes: Invalid input: expected array, received undefined`]);
    expect(problems(EN, file({ ...good(), front: front({ notes: 'x' }) }))).toEqual([`${EN}:2: (top level): unknown field "notes"`]);
    const seven = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(problems(EN, file({ ...good(), front: front({ experiments: seven }) }))).toContain(`${EN}:6: experiments: a lesson has 2 to 6 experiments`);
  });

  it('requires a prediction for every experiment, and a fix-it among them', () => {
    const text = file({ ...good(), front: front({ experiments: ['preflight-put-allowed', 'preflight-no-acao'] }) });
    expect(problems(EN, text)).toEqual([
      `${EN}:${lineOf(text, '"predict"')}: predict: no prediction for experiment "preflight-no-acao": every experiment is predicted first`,
      `${EN}:${lineOf(text, '"preflight-put-missing-allow-methods": {')}: predict["preflight-put-missing-allow-methods"]: "preflight-put-missing-allow-methods" is not in experiments`,
      `${EN}:${lineOf(text, '"experiment": ')}: fixIt.experiment: "preflight-put-missing-allow-methods" is not in experiments: the fix-it is one of the lesson's experiments`,
    ]);
  });

  it('requires the id to match the file name, and a sensible file name', () => {
    const text = file({ ...good(), front: front({ id: 'preflight' }) });
    expect(problems(EN, text)).toEqual([`${EN}:${lineOf(text, '"id"')}: id: "preflight" must match the file name's slug "the-preflight"`]);
    expect(problems('lessons/en/preflight.md', file(good()))).toEqual(['lessons/en/preflight.md: a lesson file is named <lang>/NN-slug.md, e.g. en/04-the-preflight.md']);
    expect(problems('lessons/fr/04-the-preflight.md', file(good()))).toEqual(['lessons/fr/04-the-preflight.md: unknown language folder "fr"; known: en, zh-CN']);
  });

  it('counts the narrative: 400 English words, 600 Han characters, code blocks not counted', () => {
    const short = `${EN_WORDS.split(' ').slice(0, 390).join(' ')}\n\n\`\`\`js\n${EN_WORDS}\n\`\`\``;
    const text = file({ ...good(), body: short });
    expect(problems(EN, text)).toEqual([`${EN}:${lineOf(text, 'word0')}: narrative: 390 words; a lesson in en has at least 400`]);
    const zhShort = file({ ...good('zh-CN'), body: `${'源'.repeat(599)} Access-Control-Allow-Origin Access-Control-Allow-Origin` });
    expect(problems(ZH, zhShort)).toEqual([`${ZH}:${lineOf(zhShort, '源')}: narrative: 599 Han characters; a lesson in zh-CN has at least 600`]);
  });

  it('catches text left untranslated, and Chinese in the English file', () => {
    const english = file({ ...good('zh-CN'), front: front({ title: 'The preflight' }, 'zh-CN') });
    expect(problems(ZH, english)).toEqual([`${ZH}:${lineOf(english, '"title"')}: title: not translated: a zh-CN text holds Chinese characters`]);
    const notes = file({ ...good(), front: front({ speakerNotes: ['Fine.', '讲清楚什么是预检。'] }) });
    expect(problems(EN, notes)).toEqual([`${EN}:${lineOf(notes, '讲清楚')}: speakerNotes[1]: English text holds Chinese characters`]);
  });
});

describe('Chinese paragraphs', () => {
  it('refuses a line break inside a Chinese paragraph, and allows lists, tables, code and English', () => {
    const body = `${ZH_TEXT}\n\n- 列表项\n- 第二项\n\n| 表 | 格 |\n|---|---|\n\n\`\`\`\n代码\n可以换行\n\`\`\`\nEnglish may\nwrap here.\n\n第一行\n第二行`;
    const text = file({ ...good('zh-CN'), body });
    expect(problems(ZH, text)).toEqual([`${ZH}:${lineOf(text, '第二行')}: narrative: a line break inside a Chinese paragraph shows as a space; keep the paragraph on one line`]);
  });
});

describe('loadLessons', () => {
  it('loads a course in both languages', () => {
    const set = loadLessons({ [EN]: file(good()), [ZH]: file(good('zh-CN')) });
    expect(set.en.map((l) => l.title)).toEqual(['The preflight']);
    expect(set['zh-CN'].map((l) => l.title)).toEqual(['预检请求']);
  });

  const refused = (files: Record<string, string>): string[] => {
    try {
      loadLessons(files);
    } catch (error) {
      if (error instanceof LessonError) return error.problems;
      throw error;
    }
    return [];
  };

  it('refuses a missing translation, both ways', () => {
    expect(refused({ [EN]: file(good()) })).toEqual([`${EN}: no zh-CN translation (expected zh-CN/01-the-preflight.md)`]);
    expect(refused({ [ZH]: file(good('zh-CN')) })).toEqual(['lessons/en: no lessons', `${ZH}: no en original (expected en/01-the-preflight.md)`]);
  });

  it('refuses a translation whose data differs, naming the field and line', () => {
    const zh = good('zh-CN');
    const changed = file({ ...zh, front: { ...zh.front, experiments: ['preflight-put-allowed', 'preflight-put-missing-allow-methods'] } });
    expect(refused({ [EN]: file(good()), [ZH]: changed })).toEqual([
      `${ZH}:${lineOf(changed, '"experiments"')}: experiments: differs from ${EN} (data other than words is the same in every language)`,
    ]);
  });

  it('refuses numbering with a gap, and lists problems of every file at once', () => {
    const en5 = 'lessons/en/05-the-preflight.md';
    const zh5 = 'lessons/zh-CN/05-the-preflight.md';
    expect(refused({ [en5]: file(good()), [zh5]: file(good('zh-CN')) })).toEqual([
      `${en5}: lesson number 05 out of sequence: expected 01 (lessons are numbered 01, 02, ... without gaps)`,
      `${zh5}: lesson number 05 out of sequence: expected 01 (lessons are numbered 01, 02, ... without gaps)`,
    ]);
    const zeroMinutes = file({ ...good(), front: front({ minutes: 0 }) });
    const broken = refused({ [EN]: zeroMinutes, [ZH]: '# no front matter' });
    expect(broken).toEqual([`${EN}:${lineOf(zeroMinutes, '"minutes"')}: minutes: minutes is 5 to 60`, `${ZH}:1: a lesson starts with a "---" line, then JSON front matter, then "---"`]);
  });
});
