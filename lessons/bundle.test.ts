/**
 * The playground imports lessons/index.ts through Vite: the Markdown must end
 * up inside the bundle (no `import.meta.glob` left, no Node built-ins), and
 * the bundled module must load the same course.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Rollup } from 'vite';
import { expect, it } from 'vitest';
import { lessons } from './index.ts';
import type { LessonSet } from './load.ts';

it('bundles with Vite into one browser-safe module holding every lesson', async () => {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, target: 'es2022', minify: false, lib: { entry: 'lessons/index.ts', formats: ['es'], fileName: 'lessons' } },
  })) as Rollup.RollupOutput[];
  const chunks = output.flatMap((o) => o.output).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
  expect(chunks).toHaveLength(1);
  const code = chunks[0]?.code ?? '';
  expect(code).not.toContain('import.meta.glob');
  expect(code).not.toMatch(/from ["']node:/);

  const dir = mkdtempSync(join(tmpdir(), 'cors-lab-lessons-'));
  try {
    writeFileSync(join(dir, 'lessons.mjs'), code);
    const bundled = (await import(pathToFileURL(join(dir, 'lessons.mjs')).href)) as { lessons: LessonSet };
    expect(bundled.lessons['zh-CN'].map((l) => l.title)).toEqual(lessons['zh-CN'].map((l) => l.title));
    expect(bundled.lessons.en.map((l) => l.narrative)).toEqual(lessons.en.map((l) => l.narrative));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);
