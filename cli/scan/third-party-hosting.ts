/**
 * Hosting where someone other than the API's owner runs script on an origin, so an API that trusts the
 * origin trusts whoever publishes there. Two kinds: a suffix under which anyone gets a subdomain of their
 * own (an account on GitHub Pages is `NAME.github.io`), and an origin shared by every user's code (a
 * pen on CodePen runs on `cdpn.io`). From the lists of CORScanner (`origins.json`) and Corsy
 * (`core/tests.py`), and PortSwigger's "trusted null origin"/"insecure protocols" lab notes.
 */

/** Suffixes where anyone can register a subdomain and serve pages from it. */
export const SUBDOMAIN_HOSTING = [
  'github.io',
  'gitlab.io',
  'herokuapp.com',
  'netlify.app',
  'vercel.app',
  'pages.dev',
  'web.app',
  'firebaseapp.com',
  'azurewebsites.net',
  'glitch.me',
  'repl.co',
  'surge.sh',
] as const;

/** Origins whose pages run code any user wrote (playgrounds, sandboxes). */
export const SHARED_ORIGINS = [
  'https://cdpn.io',
  'https://fiddle.jshell.net',
  'https://jsfiddle.net',
  'https://output.jsbin.com',
] as const;

/** The label the scan's probes use under a hosting suffix: any free name would do. */
export const ATTACKER_LABEL = 'cors-lab-attacker';

/**
 * The origins to probe: a subdomain under each hosting suffix (the built-in ones and the user's) and each shared
 * origin.
 */
export function thirdPartyOrigins(added: readonly string[]): string[] {
  const suffixes = [...new Set([...SUBDOMAIN_HOSTING, ...added])];
  return [...suffixes.map((suffix) => `https://${ATTACKER_LABEL}.${suffix}`), ...SHARED_ORIGINS];
}

/** Whether an origin is on third-party hosting: a shared origin, or a host under one of the suffixes. */
export function onThirdPartyHosting(origin: string, added: readonly string[]): boolean {
  if ((SHARED_ORIGINS as readonly string[]).includes(origin)) return true;
  if (!URL.canParse(origin)) return false;
  const host = new URL(origin).hostname;
  return [...SUBDOMAIN_HOSTING, ...added].some((suffix) => host.endsWith(`.${suffix}`));
}
