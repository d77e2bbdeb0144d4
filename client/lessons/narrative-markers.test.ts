import { describe, expect, test } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { lessons } from '../../lessons/index.ts';
import { experimentFromHash } from '../share/experiment-link.ts';
import { narrativeChunks } from './narrative-markers.ts';

describe('a narrative as the page shows it', () => {
  test('a claim becomes a link that opens its experiment in the playground, language kept', async () => {
    const [chunk] = narrativeChunks({ narrative: 'A 404 gives `X` {{see preflight-status-404-no-cors: blocked PreflightMissingAllowOriginHeader}}.' }, catalog, '?lesson=a&lang=zh-CN');
    const markdown = chunk && 'markdown' in chunk ? chunk.markdown : '';
    const link = /\[`preflight-status-404-no-cors`\]\((\?lang=zh-CN)(#x=[^)]+)\)/.exec(markdown);
    expect(markdown).toMatch(/^A 404 gives `X` \(see it: run \[/);
    expect(markdown).not.toContain('{{');
    expect((await experimentFromHash(link?.[2] ?? ''))?.id).toBe('preflight-status-404-no-cors');
  });
  test('{{origins}} on its own line splits the narrative around the origins table', () => {
    expect(narrativeChunks({ narrative: 'before\n\n{{origins}}\n\nafter' }, catalog, '')).toEqual([{ markdown: 'before\n\n' }, { origins: true }, { markdown: '\n\nafter' }]);
  });
  test('no marker is left in any lesson, and lesson 1 has the origins table in both languages', () => {
    for (const lesson of [...lessons.en, ...lessons['zh-CN']]) {
      const chunks = narrativeChunks(lesson, catalog, '');
      for (const chunk of chunks) if ('markdown' in chunk) expect(chunk.markdown, lesson.file).not.toMatch(/\{\{/);
      expect(chunks.some((c) => 'origins' in c), lesson.file).toBe(lesson.id === 'origin-and-site');
    }
  });
});
