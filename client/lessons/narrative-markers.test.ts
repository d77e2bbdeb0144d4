import { describe, expect, test } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { lessons } from '../../lessons/index.ts';
import { renderLesson } from '../../lessons/render-lesson.ts';
import { experimentFromHash } from '../share/experiment-link.ts';
import { narrativeChunks } from './narrative-markers.ts';

const claim = { experiment: 'preflight-status-404-no-cors' };

describe('a narrative as the page shows it', () => {
  test('a claim becomes a link that opens its experiment in the playground, language kept', async () => {
    const [chunk] = narrativeChunks({ narrativeHtml: ['<p>A 404 gives <code>X</code> CORSLABCLAIM0SLOT.</p>'], claims: [claim] }, catalog, '?lesson=a&lang=zh-CN');
    const html = chunk && 'html' in chunk ? chunk.html : '';
    const link = /<a href="(\?lang=zh-CN)(#x=[^"]+)"><code>preflight-status-404-no-cors<\/code><\/a>/.exec(html);
    expect(html).toMatch(/^<p>A 404 gives <code>X<\/code> \(see it: run <a /);
    expect(html).not.toContain('CORSLABCLAIM');
    expect((await experimentFromHash(link?.[2] ?? ''))?.id).toBe('preflight-status-404-no-cors');
  });
  test('a page address never becomes markup: the link keeps only a known language', () => {
    const [chunk] = narrativeChunks({ narrativeHtml: ['CORSLABCLAIM0SLOT'], claims: [claim] }, catalog, '?lang="><script>alert(1)</script>');
    expect(chunk).toEqual({ html: expect.stringMatching(/^\(see it: run <a href="\?#x=[^"<>]+"><code>/) });
  });
  test('the parts between {{origins}} lines are split around the origins table', () => {
    expect(narrativeChunks({ narrativeHtml: ['<p>before</p>', '<p>after</p>'], claims: [] }, catalog, '')).toEqual([
      { html: '<p>before</p>' }, { origins: true }, { html: '<p>after</p>' },
    ]);
  });
  test('every lesson: one link per claim, no marker left, and lesson 1 has the origins table in both languages', () => {
    for (const lesson of [...lessons.en, ...lessons['zh-CN']]) {
      const chunks = narrativeChunks(renderLesson(lesson), catalog, '');
      const html = chunks.map((c) => ('html' in c ? c.html : '')).join('');
      expect(html, lesson.file).not.toMatch(/\{\{|CORSLABCLAIM/);
      expect(html.match(/<a href="\?#x=/g) ?? [], lesson.file).toHaveLength(lesson.claims.length);
      expect(chunks.some((c) => 'origins' in c), lesson.file).toBe(lesson.id === 'origin-and-site');
    }
  });
});
