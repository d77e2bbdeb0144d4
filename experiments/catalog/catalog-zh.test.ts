/**
 * Every catalog experiment reads in Simplified Chinese: a title and an explain
 * per id, filed under its own group, and faithful where it must be exact:
 * code spans (header names, values, code), links and the **Fix:** lines are
 * those of the English text, as a multiset, so none is lost, added or translated.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from './index.ts';
import { catalogZhCN, catalogZhCNByGroup } from './zh-CN/index.ts';
import { thenTitles } from './zh-CN/then-titles.ts';
import { PLACEHOLDERS_ZH } from '../../format/i18n/zh-CN-rules.ts';

/** Inline code spans as CommonMark delimits them: a run of n backticks closed by a run of exactly n. */
function codeSpans(markdown: string): string[] {
  return [...markdown.matchAll(/(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g)].map((m) => m[0]).sort();
}

/** Link targets outside code spans, bare or in Markdown `[text](url)`, without the sentence's punctuation around them. */
function links(markdown: string): string[] {
  const prose = markdown.replace(/(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, ' ');
  return [...prose.matchAll(/https?:\/\/[^\s<>()（）\]，。：；、“”]+/g)].map((m) => m[0].replace(/[.,;:!?]+$/, '')).sort();
}

const count = (text: string, part: string): number => text.split(part).length - 1;
const HAN = /\p{Script=Han}/u;

describe('codeSpans and links (the helpers the checks rely on)', () => {
  it('find single and double backtick spans, and ignore an unclosed backtick', () => {
    expect(codeSpans('send `A: b` and ``x ` y`` then `A: b`; a lone ` stays')).toEqual(['`A: b`', '`A: b`', '``x ` y``']);
  });

  it('find bare and Markdown links without trailing punctuation, skipping code', () => {
    expect(links('see https://fetch.spec.whatwg.org/#cors-check. Or [MDN](https://developer.mozilla.org/x)，`https://in.code`')).toEqual([
      'https://developer.mozilla.org/x',
      'https://fetch.spec.whatwg.org/#cors-check',
    ]);
    expect(links('（https://fetch.spec.whatwg.org/#http-redirect-fetch 第 6 步）')).toEqual(['https://fetch.spec.whatwg.org/#http-redirect-fetch']);
  });
});

describe('the zh-CN catalog', () => {
  it('files every group of the catalog, and only those', () => {
    expect(Object.keys(catalogZhCNByGroup).sort()).toEqual([...new Set(catalog.map((e) => e.group))].sort());
  });

  for (const [group, texts] of Object.entries(catalogZhCNByGroup)) {
    it(`"${group}" holds exactly the ids of that group's experiments (none missing, no stray or misfiled id)`, () => {
      const ids = catalog.filter((e) => e.group === group).map((e) => e.id);
      expect(Object.keys(texts).sort()).toEqual(ids.sort());
    });
  }

  it('has one entry per catalog experiment', () => {
    expect(Object.keys(catalogZhCN).sort()).toEqual(catalog.map((e) => e.id).sort());
  });

  for (const e of catalog) {
    it(`${e.id}: Chinese title and explain that keep the code spans, links and fixes of the English`, () => {
      const zh = catalogZhCN[e.id];
      expect(zh, `no zh-CN text for ${e.id}`).toBeDefined();
      if (!zh) return;
      const en = e.explain ?? '';
      for (const [field, text] of [['title', zh.title], ['explain', zh.explain]] as const) {
        expect(text, `${e.id}.${field} holds no Chinese`).toMatch(HAN);
        expect(text.trim(), `${e.id}.${field} has leading or trailing space`).toBe(text);
      }
      // A placeholder (`<the page origin>`) is read, not typed: the Chinese names it in Chinese.
      const enSpans = codeSpans(en).map((span) => Object.entries(PLACEHOLDERS_ZH).reduce((t, [a, b]) => t.replaceAll(a, b), span));
      expect(codeSpans(zh.explain), `${e.id}.explain code spans`).toEqual(enSpans.sort());
      expect(links(zh.explain), `${e.id}.explain links`).toEqual(links(en));
      expect(count(zh.explain, '**修复：**'), `${e.id}.explain: one **修复：** per **Fix:**`).toBe(count(en, '**Fix:**'));
      expect(count(zh.explain, '\n\n'), `${e.id}.explain paragraphs`).toBe(count(en, '\n\n'));
    });
  }
});

describe('then-step titles', () => {
  it('every then step of the catalog has a Chinese title', () => {
    const missing = catalog.flatMap((e) => (e.then ?? []).filter((s) => s.title !== undefined && !(s.title in thenTitles)).map((s) => `${e.id}: ${JSON.stringify(s.title)}`));
    expect(missing).toEqual([]);
  });
  it('no Chinese step title is left over', () => {
    const used = new Set(catalog.flatMap((e) => (e.then ?? []).map((s) => s.title)));
    expect(Object.keys(thenTitles).filter((t) => !used.has(t))).toEqual([]);
  });
});
