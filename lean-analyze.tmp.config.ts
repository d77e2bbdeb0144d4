import base from './vite.config.ts';
import { brotliCompressSync } from 'node:zlib';
import type { Plugin, UserConfig } from 'vite';
const cfg = base as UserConfig;
const plugins = (cfg.plugins as Plugin[]).filter((p) => p.name !== 'cors-lab-precompress-and-stamp');
plugins.push({
  name: 'analyze', generateBundle(_o, bundle) {
    for (const [name, c] of Object.entries(bundle)) {
      if (c.type !== 'chunk') continue;
      console.log(`== ${name} br ${brotliCompressSync(c.code).length} imports=${c.imports.map((i) => i.replace('assets/', '')).join(',')}`);
      const mods = Object.entries(c.modules).map(([id, m]) => [m.renderedLength, id.replace(process.cwd() + '/', '')] as const).sort((a, b) => b[0] - a[0]);
      for (const [l, id] of mods.slice(0, 14)) if (l > 800) console.log(`   ${l} ${id}`);
    }
  },
});
export default { ...cfg, plugins, build: { ...cfg.build, outDir: '/tmp/lean-dist', emptyOutDir: true } };
