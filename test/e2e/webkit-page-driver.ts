/**
 * Drives a page of the lab in real WebKit (WebKitGTK) as a person uses it, for browser tests: WebKitWebDriver over
 * classic WebDriver (https://www.w3.org/TR/webdriver2/) with the lab's automation host as its browser
 * (engines/webkit/automation-host.py), on an Xvfb display of its own. The lab's WebKit driver
 * (engines/webkit/webkit-browser.ts) runs experiment steps, not pages: this one finds elements through the page's
 * shadow roots by their label or text, clicks them and types into them key by key (Element Send Keys).
 * Every command has a time limit, never a verdict (`POST /session` hangs without a display).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOST_SCRIPT, findWebKit, freePort, killGroup, startXvfb } from '../../engines/webkit/webkit-browser.ts';

const LIMIT_MS = 60_000;
/** The key WebDriver names an element reference with. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
type ElementRef = Record<typeof ELEMENT, string>;

/** Every element of the document and of its shadow roots, in order; then the one `find` picks, or null. */
const DEEP = `const deep = (root) => [...root.querySelectorAll('*')]
  .flatMap((el) => [el, ...(el.shadowRoot ? deep(el.shadowRoot) : [])]);
const words = (el) => (el.textContent || '').replace(/\\s+/g, ' ').trim();
const section = (name) => deep(document)
  .find((el) => el.localName === 'section' && el.getAttribute('aria-label') === name);
const labelOf = (el) => { const label = el.id ? el.getRootNode().querySelector('label[for="' + el.id + '"]') : null;
  return label ? words(label) : words(el); };`;

export class WebKitPage {
  private constructor(
    private readonly base: string,
    private readonly path: string,
    private readonly processes: ChildProcess[],
    private readonly pageDir: string,
  ) {}

  static async open(url: string): Promise<WebKitPage> {
    const { driver, xvfb, python } = findWebKit();
    const display = await startXvfb(xvfb);
    const port = await freePort();
    const child = spawn(driver, [`--port=${port}`, '--host=127.0.0.1'], {
      detached: true, env: { ...process.env, DISPLAY: display.display, GDK_BACKEND: 'x11' }, stdio: 'ignore',
    });
    const pageDir = mkdtempSync(join(tmpdir(), 'cors-lab-webkit-page-'));
    const base = `http://127.0.0.1:${port}`;
    const page = new WebKitPage(base, '', [child, display.process], pageDir);
    try {
      for (let attempt = 0; ; attempt++) {
        const up = await page.command('GET', '/status').then(() => true, () => false);
        if (up) break;
        if (attempt > 300) throw new Error('WebKitWebDriver did not start listening');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const created = await page.command<{ sessionId: string }>('POST', '/session', {
        capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': {
          binary: python, args: [HOST_SCRIPT, '--third-party-cookies=blocked', `--page-dir=${pageDir}`],
        } } },
      });
      const session = new WebKitPage(base, `/session/${created.sessionId}`, page.processes, pageDir);
      await session.command('POST', `${session.path}/url`, { url });
      return session;
    } catch (error) {
      await Promise.all(page.processes.map(killGroup));
      throw error;
    }
  }

  private async command<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method, headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body), signal: AbortSignal.timeout(LIMIT_MS),
    });
    const parsed = (await response.json()) as { value: T };
    if (!response.ok) throw new Error(`WebKitWebDriver ${method} ${path}: ${JSON.stringify(parsed.value)}`);
    return parsed.value;
  }

  /** Runs `body` (a function body with DEEP's helpers) in the page; its arguments are `args`. */
  private run<T>(body: string, args: unknown[]): Promise<T> {
    return this.command<T>('POST', `${this.path}/execute/sync`, { script: `${DEEP}\n${body}`, args });
  }

  /**
   * Polls `body` (bounded in count: a limit, never a verdict) until it returns something other than null; that value.
   */
  private async waitFor<T>(body: string, args: unknown[], what: string): Promise<T> {
    for (let attempt = 0; attempt < 600; attempt++) {
      const value = await this.run<T | null>(body, args);
      if (value !== null) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`WebKit: no ${what}`);
  }

  /** The element matching `css` in the section named `region` whose label (or text) starts with `words`. */
  private element(region: string, css: string, words: string): Promise<ElementRef> {
    const find = `const [name, css, text] = arguments; const s = section(name);
      return s ? deep(s).find((el) => el.matches(css) && labelOf(el).startsWith(text)) ?? null : null;`;
    return this.waitFor<ElementRef>(find, [region, css, words], `${css} "${words}" in ${region}`);
  }

  /** Until the page says the lab is ready (its status, named "lab status"). */
  async waitForLab(): Promise<void> {
    const ready = `const s = deep(document).find((el) => el.getAttribute('aria-label') === 'lab status');
      return s && words(s) === 'ready' ? true : null;`;
    await this.waitFor<boolean>(ready, [], 'lab ready');
  }

  async click(region: string, css: string, words: string): Promise<void> {
    const element = await this.element(region, css, words);
    await this.command('POST', `${this.path}/element/${element[ELEMENT]}/click`, {});
  }

  /** Clears the field and types `text` into it, key by key (Element Send Keys). */
  async type(region: string, css: string, words: string, text: string): Promise<void> {
    const element = await this.element(region, css, words);
    await this.command('POST', `${this.path}/element/${element[ELEMENT]}/clear`, {});
    await this.command('POST', `${this.path}/element/${element[ELEMENT]}/value`, { text });
  }

  /** The text of what matches `css` in the section named `region`, spaces collapsed, joined by " | ". */
  text(region: string, css: string): Promise<string> {
    return this.run<string>(`const [name, css] = arguments; const s = section(name);
      return s ? deep(s).filter((el) => el.matches(css)).map(words).join(' | ') : '';`, [region, css]);
  }

  /**
   * The text of what matches `css` in the section named `region` once `ready` holds for it, polled (bounded in
   * count: a limit, never a verdict).
   */
  async textWhen(region: string, css: string, ready: (text: string) => boolean): Promise<string> {
    let text = '';
    for (let attempt = 0; attempt < 600; attempt++) {
      text = await this.text(region, css);
      if (ready(text)) return text;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`WebKit: ${css} in ${region} never got ready; it says ${JSON.stringify(text)}`);
  }

  async close(): Promise<void> {
    if (this.path) await this.command('DELETE', this.path).catch(() => undefined);
    await Promise.all(this.processes.map(killGroup));
    rmSync(this.pageDir, { recursive: true, force: true });
  }
}
