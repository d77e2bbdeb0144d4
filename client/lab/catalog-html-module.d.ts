/** The modules scripts/catalog-prose-plugin.ts builds: each catalog explain as safe HTML, by experiment id. */
declare module 'virtual:cors-lab/catalog-html/en' {
  const html: Readonly<Record<string, string>>;
  export default html;
}
declare module 'virtual:cors-lab/catalog-html/zh-CN' {
  const html: Readonly<Record<string, string>>;
  export default html;
}
