/** The small HTML pages the origins serve themselves. */
import type { LabOrigin, OriginName } from '../plan/origins.ts';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Keeps `</script>` inside the bundle from closing the element. */
export const inlineScript = (code: string): string => code.replace(/<\/(script)/gi, '<\\/$1');

/** The favicon link keeps a 404 out of the console (browser-facts). */
const HEAD = '<meta charset="utf-8"><link rel="icon" href="data:,"><meta name="viewport" content="width=device-width">';

/** `nonce`: the one the page's own CSP, if any, allows its script by (plan/runner-nonce.ts). */
export function runnerPage(self: OriginName, appOrigin: string, script: string, nonce: string): string {
  return `<!doctype html><html lang="en" data-app-origin="${escapeHtml(appOrigin)}"><head>${HEAD}<title>cors-lab runner: ${self}</title></head><body><p>cors-lab runner page for the <b>${self}</b> origin.</p><script nonce="${nonce}">${inlineScript(script)}</script></body></html>`;
}

/** Shown at the app origin when the client has not been built. */
export function fallbackAppPage(origins: readonly LabOrigin[]): string {
  const rows = origins.map((o) => `<li><b>${o.name}</b> <a href="${escapeHtml(o.url)}">${escapeHtml(o.url)}</a> (${o.role}, site ${escapeHtml(o.site)})</li>`).join('');
  return `<!doctype html><html lang="en"><head>${HEAD}<title>cors-lab</title></head><body><h1>cors-lab</h1><p>The origins are running:</p><ul>${rows}</ul><p>The playground client is not built yet: run <code>npm run build</code>.</p></body></html>`;
}
