/**
 * Every Chinese text a learner or a teacher reads keeps to the glossary and
 * shows no English outside the allowed kinds (zh-CN-rules.ts): the client's
 * message table, the catalog's titles and explanations, the lessons (title,
 * fix-it goal, speaker notes, narrative), the facilitator guide and the page's
 * title (app.title). The model's and the problems' sentences are held to the same rules
 * in their own tests (messages.test.ts, problems.test.ts), which render them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { templates } from '../../client/i18n/zh-CN/index.ts';
import { loadLessonsFromDisk } from '../../lessons/load-from-disk.ts';
import { catalogZhCN } from '../../experiments/catalog/zh-CN/index.ts';
import { thenTitles } from '../../experiments/catalog/zh-CN/then-titles.ts';
import { englishWords, glossaryProblems, headingProblems } from './zh-CN-rules.ts';

const ROOT = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');

/** A message of the table as a reader sees it: placeholders as a number, markup left out. */
function messageText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'strings' in value && Array.isArray(value.strings)) {
    return value.strings.join('0').replace(/<[^>]*>/g, ' ');
  }
  throw new Error(`not a message: ${JSON.stringify(value)}`);
}

/**
 * Markdown as lines that are prose: fenced and indented code blocks blanked
 * (they are code in any language), so a line number still points at the file.
 */
function proseLines(markdown: string): string[] {
  let fenced = false;
  let previousBlank = true;
  let indented = false;
  return markdown.split('\n').map((line) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return '';
    }
    indented = /^( {4}|\t)/.test(line) && (previousBlank || indented);
    previousBlank = line.trim() === '';
    return fenced || indented ? '' : line;
  });
}

/** Every text to check, each with where it comes from. */
function chineseTexts(): Array<{ where: string; text: string }> {
  const texts: Array<{ where: string; text: string }> = [];
  for (const [id, value] of Object.entries(templates)) {
    texts.push({ where: `client/i18n/zh-CN ${id}`, text: messageText(value) });
  }
  for (const [id, { title, explain }] of Object.entries(catalogZhCN)) {
    texts.push({ where: `experiments/catalog/zh-CN ${id}.title`, text: title });
    texts.push({ where: `experiments/catalog/zh-CN ${id}.explain`, text: explain });
  }
  for (const [english, chinese] of Object.entries(thenTitles)) {
    texts.push({ where: `then-titles "${english}"`, text: chinese });
  }
  for (const lesson of loadLessonsFromDisk(ROOT.pathname)['zh-CN']) {
    texts.push({ where: `${lesson.file} title`, text: lesson.title });
    texts.push({ where: `${lesson.file} fixIt.goal`, text: lesson.fixIt.goal });
    lesson.speakerNotes.forEach((note, i) => texts.push({ where: `${lesson.file} speakerNotes[${i}]`, text: note }));
    proseLines(lesson.narrative).forEach((line, i) => {
      texts.push({ where: `${lesson.file} narrative line ${i + 1}`, text: line });
    });
  }
  const guide = 'docs/facilitator-guide.zh-CN.md';
  proseLines(read(guide)).forEach((line, i) => texts.push({ where: `${guide}:${i + 1}`, text: line }));
  return texts;
}

describe('the rules (the checks catch what they are for)', () => {
  it('find English prose, an English placeholder in code, and keep the allowed kinds', () => {
    expect(englishWords('请求被 blocked 了，因为 the server 没有回答')).toEqual(['blocked', 'the', 'server']);
    expect(englishWords('**修复：** `Access-Control-Allow-Origin: <the page origin>`')).toEqual(['<the page origin>']);
    expect(englishWords('**修复：** `Access-Control-Allow-Origin: <页面的源>`')).toEqual([]);
    const allowed = [
      '`app` 上的页面用 fetch() 发送 PUT，预检缺少 Access-Control-Allow-Methods，Chromium 报告 MethodDisallowedByPreflightResponse。',
      '控制台消息以“Access to fetch at ...”开头；页面得到 TypeError: Failed to fetch。',
      'XHR 的 withCredentials 遇上 Cookie（SameSite=None; Secure），见 https://fetch.spec.whatwg.org/#cors-check。',
      '运行 `npx cors-lab serve --class`，在 evil 和 partner 上用 mode "no-cors"，{"outcome": "blocked"}。',
      "CSP 为 connect-src 'self' ws://localhost:* 的页面拒绝 wss://localhost:5316/socket。",
    ];
    for (const text of allowed) expect(englishWords(text), text).toEqual([]);
  });

  it('find a half-width colon in a Chinese heading, and keep header lines and English headings', () => {
    expect(headingProblems('实验 1: Access-Control-Allow-Methods 中没有列出 PUT')).not.toEqual([]);
    expect(headingProblems('修复练习: 标题')).not.toEqual([]);
    expect(headingProblems('实验 1：Access-Control-Allow-Methods: * 指的是名叫 "*" 的方法')).toEqual([]);
    expect(headingProblems('Experiment 1: PUT')).toEqual([]);
  });

  it('find each glossary breach, and leave a header\'s permission (允许) alone', () => {
    const broken = [
      '跨域请求', '跨域资源共享', '凭证', '请求被阻止', '✔ 允许', '结果是“允许”', '已运行 3 个：2 个允许', '直到浏览器允许页面读取',
      '标题: 内容', '源(origin)', '## 轮到你了:',
    ];
    for (const text of broken) expect(glossaryProblems(text), text).not.toEqual([]);
    const kept = ['服务器允许了页面的源', '预检允许了 PUT', '中文资料里常说的“跨域”', '✔ 放行', '`a:b` 之后', '第 2 行：'];
    for (const text of kept) expect(glossaryProblems(text), text).toEqual([]);
  });
});

describe('Chinese text across the lab', () => {
  const texts = chineseTexts();

  it('reads every source (the lists are not empty)', () => {
    expect(texts.filter((t) => t.where.startsWith('client/i18n')).length).toBeGreaterThan(150);
    expect(texts.filter((t) => t.where.includes('lessons/zh-CN/')).length).toBeGreaterThan(13 * 20);
    expect(texts.find((t) => t.where === 'client/i18n/zh-CN app.title')?.text).toMatch(/\S/);
  });

  it('keeps to the glossary and full-width punctuation', () => {
    expect(texts.flatMap(({ where, text }) => glossaryProblems(text).map((p) => `${where}: ${p}`))).toEqual([]);
  });

  it('says 跨域 once, quoted, in Lesson 1, as the word people search for', () => {
    const uses = texts.filter(({ text }) => text.includes('跨域')).map((t) => t.where);
    expect(uses).toHaveLength(1);
    expect(uses[0]).toMatch(/^lessons\/zh-CN\/01-/);
  });

  it('shows no English outside header names, code, URLs, reasons, methods, origin and product names, console lines', () => {
    const english = texts.flatMap(({ where, text }) => {
      const words = englishWords(text);
      return words.length ? [`${where}: ${words.join(', ')} in "${text.trim().slice(0, 120)}"`] : [];
    });
    expect(english).toEqual([]);
  });
});
