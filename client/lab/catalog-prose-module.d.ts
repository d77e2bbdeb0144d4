/** The modules scripts/catalog-prose-plugin.ts builds: a loader per catalog group, of its explains by experiment id. */
declare module 'virtual:cors-lab/catalog-html/en' {
  /** A loader per catalog group, of that group's English HTML. */
  const loaders: Readonly<Record<string, () => Promise<{ default: Readonly<Record<string, string>> }>>>;
  export default loaders;
  /** The English HTML of the experiment the playground shows first, by id: in the first load. */
  export const first: Readonly<Record<string, string>>;
}
declare module 'virtual:cors-lab/catalog-html/zh-CN' {
  /** A loader per catalog group, of that group's Chinese HTML. */
  const loaders: Readonly<Record<string, () => Promise<{ default: Readonly<Record<string, string>> }>>>;
  export default loaders;
  /** The Chinese HTML of the experiment the playground shows first, by id: in the first load. */
  export const first: Readonly<Record<string, string>>;
}
declare module 'virtual:cors-lab/catalog-markdown/en' {
  /** A loader per catalog group, of that group's English Markdown. */
  const loaders: Readonly<Record<string, () => Promise<{ default: Readonly<Record<string, string>> }>>>;
  export default loaders;
}
declare module 'virtual:cors-lab/catalog-markdown/zh-CN' {
  /** A loader per catalog group, of that group's Chinese Markdown. */
  const loaders: Readonly<Record<string, () => Promise<{ default: Readonly<Record<string, string>> }>>>;
  export default loaders;
}
