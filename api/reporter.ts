/**
 * `cors-lab/reporter`: a Playwright reporter that prints, for every failed
 * test, the reason and fix of each blocked request or failed experiment the
 * `cors` fixture attached. Use it beside another reporter:
 *   reporter: [['list'], ['cors-lab/reporter']]
 * https://playwright.dev/docs/test-reporters#custom-reporters
 */
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { printableText } from '../format/terminal-text.ts';
import { corsFacts, corsStory, isCorsResult, type CorsFacts } from './cors-facts.ts';

/** The fixture's attachment name prefix (api/playwright.ts ATTACHMENT). */
const PREFIX = 'cors-lab: ';

function attachedFacts(result: TestResult): CorsFacts[] {
  const out: CorsFacts[] = [];
  for (const attachment of result.attachments) {
    if (!attachment.name.startsWith(PREFIX) || !attachment.body) continue;
    let value: unknown;
    try {
      value = JSON.parse(attachment.body.toString('utf8'));
    } catch {
      continue;
    }
    for (const one of Array.isArray(value) ? value : [value]) if (isCorsResult(one)) out.push(corsFacts(one));
  }
  return out;
}

export default class CorsLabReporter implements Reporter {
  #failures = 0;
  readonly #write: (text: string) => void;

  constructor(options: { write?: (text: string) => void } = {}) {
    this.#write = options.write ?? ((text) => void process.stdout.write(text));
  }

  printsToStdio(): boolean {
    return true;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (test.outcome() !== 'unexpected') return;
    const failing = attachedFacts(result).filter((f) => f.outcome === 'blocked' || f.run?.pass === false);
    if (failing.length === 0) return;
    this.#failures += failing.length;
    // titlePath: root, project, file, describes..., title.
    const where = `${test.location.file.split(/[\\/]/).at(-1)}:${test.location.line}`;
    const stories = failing.map((f) => {
      const mismatches = f.run && !f.run.pass ? `\n  Mismatch: ${f.run.mismatches.join('\n            ')}` : '';
      return `  ${corsStory(f).split('\n').join('\n  ')}${mismatches}`;
    });
    // The stories quote what servers sent (header values, status) and Chromium's console: printed escaped.
    const title = test.titlePath().slice(3).join(' › ');
    this.#write(printableText(`\nCORS  ${title} (${where})\n${stories.join('\n\n')}\n`));
  }

  onEnd(): void {
    if (this.#failures) this.#write(`\ncors-lab: ${this.#failures} blocked request${this.#failures === 1 ? '' : 's'} or failed experiment${this.#failures === 1 ? '' : 's'} in failed tests (reasons and fixes above)\n`);
  }
}
