// node --import ./forbid-playwright.mjs: any import of Playwright (playwright-core, playwright, @playwright/test)
// throws, naming what imported it. Proves that an entry such as cors-lab/model loads no browser code.
// Plain JavaScript: the package check runs it with node alone, from the installed tarball.
import { register } from 'node:module';

const hook = `
const PLAYWRIGHT = /^(playwright-core|playwright|@playwright\\/test)(\\/|$)/;
export async function resolve(specifier, context, next) {
  if (PLAYWRIGHT.test(specifier)) throw new Error('forbidden import of ' + specifier + ' from ' + context.parentURL);
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
