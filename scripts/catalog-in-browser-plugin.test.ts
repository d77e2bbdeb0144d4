/**
 * The catalog as the browser's build writes it: the list, and each group's plans, from the catalog's own
 * modules (one source), with nothing of a plan in the list and every experiment in exactly one group.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalog } from '../experiments/catalog/index.ts';
import { catalogInBrowserPlugin } from './catalog-in-browser-plugin.ts';

const folder = (name: string): string => fileURLToPath(new URL(`../experiments/catalog/${name}`, import.meta.url));
const groups = [...new Set(catalog.map((e) => e.group))];

/** The module the plugin writes for `id`, its `this.error` throwing as the build's does. */
function written(id: string): string {
  const { load } = catalogInBrowserPlugin();
  const hook = typeof load === 'function' ? load : load?.handler;
  const context = { error: (message: string): never => { throw new Error(message); } };
  const code = (hook as (this: unknown, id: string) => unknown).call(context, id);
  if (typeof code !== 'string') throw new Error(`${id}: no module written`);
  return code;
}

/** What a written module exports, run as the browser would run it. */
async function exportsOf(code: string): Promise<Record<string, unknown>> {
  return (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as Record<string, unknown>;
}

describe("the browser's catalog", () => {
  it('lists every experiment by id, title and group, in catalog order, and nothing of its plan', async () => {
    const { catalogIndex } = await exportsOf(written(folder('catalog-index.ts')));
    expect(catalogIndex).toEqual(catalog.map(({ id, title, group }) => ({ id, title, group })));
  });

  it("holds each group's experiments in a module of their own, as the catalog has them but their explain", async () => {
    const seen: string[] = [];
    for (const group of groups) {
      const { default: experiments } = await exportsOf(written(`\0virtual:cors-lab/plans-${group}`));
      const expected = catalog.filter((e) => e.group === group).map(({ explain: _explain, ...e }) => e);
      expect(experiments, group).toEqual(expected);
      seen.push(...expected.map((e) => e.id));
    }
    expect(seen).toEqual(catalog.map((e) => e.id));
  });

  it('holds the experiment the playground shows first, but its explain', async () => {
    const { firstExperiment } = await exportsOf(written(folder('first-experiment.ts')));
    const { explain, ...first } = catalog[0]!;
    expect(explain).toBeTruthy();
    expect(firstExperiment).toEqual(first);
  });

  it('downloads a group through a loader of its own module, one per group in catalog order', () => {
    const code = written(folder('plans-by-group.ts'));
    const loader = /"([a-z0-9-]+)": \(\) => import\("virtual:cors-lab\/plans-([a-z0-9-]+)"\)/g;
    const loaded = [...code.matchAll(loader)];
    expect(loaded.map(([, name, module]) => [name, module])).toEqual(groups.map((group) => [group, group]));
  });

  it('refuses the whole catalog in a browser module, and a group the catalog does not have', () => {
    expect(() => written(folder('index.ts'))).toThrow(/catalog-index\.ts \(the list\).*catalog-plans\.ts/);
    expect(() => written('\0virtual:cors-lab/plans-no-such-group')).toThrow(
      'virtual:cors-lab/plans-no-such-group: no such catalog group',
    );
  });
});
