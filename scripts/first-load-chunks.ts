/**
 * Chunks by the pages that load them. Left to itself the bundler makes a chunk for every set of
 * dynamic imports that share a module, which gave the playground's first load 35 scripts, each
 * paying its response headers on the wire (about 300 bytes apiece: issue 16 counts them). Here a
 * module that pages run before they are usable is filed by which pages run it (a page is a set of
 * starting modules, ROOTS, reached through static imports), and the modules of one set of pages share
 * one chunk: a first load downloads only modules it runs, in 6 to 13 files. Modules no first load runs
 * (the editor, the schema, a lesson's results, a catalog group's prose) keep the bundler's own chunks.
 * The price is paid later, once: something downloaded later that needs a module of another page's
 * first load downloads that page's chunk (a lesson's first run the playground's, about 17 kB; the
 * playground's editor the lesson page's, about 10 kB). Filing only modules nothing later needs
 * (measured) leaves 34 files on the playground's first load and 95 kB: more than it saves.
 * https://rolldown.rs/in-depth/manual-code-splitting
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** The modules that start a page's first load. */
const ROOTS = {
  main: 'client/main.ts',
  app: 'client/elements/cors-lab-app.ts',
  playground: 'client/elements/playground-elements.ts',
  lesson: 'client/elements/cors-lab-lesson.ts',
  presenter: 'client/presenter/cors-lab-presenter.ts',
  zh: 'client/i18n/zh-CN/locale.ts',
} as const;
type Root = keyof typeof ROOTS;

/** The pages of the client (client/main.ts), each in English and in Chinese, by the roots each starts from. */
const PAGES: ReadonlyArray<{ name: string; roots: readonly Root[] }> = (
  [
    { name: 'playground', roots: ['main', 'app', 'playground'] },
    { name: 'lesson', roots: ['main', 'app', 'lesson'] },
    { name: 'presenter', roots: ['main', 'presenter'] },
  ] as const
).flatMap((page) => [page, { name: `${page.name}_zh`, roots: [...page.roots, 'zh'] }]);

interface ModuleGraph {
  getModuleIds(): IterableIterator<string>;
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/** Every module `starts` reach through static imports. */
function staticallyReached(graph: ModuleGraph, starts: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...starts];
  while (stack.length) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

/** The pages that run each module before they are usable, as a chunk name such as `lesson-playground`. */
function loadingPages(graph: ModuleGraph, root: string): Map<string, string> {
  const reached = new Map<string, Set<Root>>();
  for (const [name, path] of Object.entries(ROOTS) as Array<[Root, string]>) {
    for (const id of staticallyReached(graph, [join(root, path)])) {
      reached.set(id, (reached.get(id) ?? new Set<Root>()).add(name));
    }
  }
  const pagesOf = (roots: Set<Root>): string[] =>
    PAGES.filter((page) => page.roots.some((r) => roots.has(r))).map((page) => page.name);
  // The entry stays in its own chunk: it awaits, at its top level, the import of chunks that import
  // the shared ones; filed in a shared chunk, those would wait for it to finish, and it for them.
  // https://tc39.es/ecma262/#sec-innermoduleevaluation
  const entry = join(root, ROOTS.main);
  return new Map([...reached].filter(([id]) => id !== entry).map(([id, roots]) => {
    const pages = pagesOf(roots);
    return [id, pages.length === PAGES.length ? 'every-page' : pages.join('-')];
  }));
}

/** A chunk group of the bundler's manual code splitting (output.codeSplitting.groups). */
interface FirstLoadGroup {
  debugName: string;
  name: (id: string) => string | null;
  priority: number;
}

/**
 * The plugin that reads the module graph once it is whole, and the chunk groups that use it: one
 * group per number of pages, most first, so a module more pages run is filed before a module that
 * imports it pulls it into a chunk of fewer pages (every page that runs a module runs its imports:
 * they are filed with it or before).
 */
export function firstLoadChunks(root: string): { plugin: Plugin; groups: FirstLoadGroup[] } {
  let pages = new Map<string, string>();
  const plugin: Plugin = {
    name: 'cors-lab-first-load-chunks',
    apply: 'build',
    buildEnd() {
      pages = loadingPages(this, root);
    },
  };
  const count = (name: string): number => (name === 'every-page' ? PAGES.length : name.split('-').length);
  const groups = PAGES.map((_, i) => PAGES.length - i).map((size) => ({
    debugName: `first load, modules of ${size} of ${PAGES.length} pages`,
    name: (id: string): string | null => {
      const name = pages.get(id);
      return name !== undefined && count(name) === size ? `first-${name}` : null;
    },
    priority: size,
  }));
  return { plugin, groups };
}
