/** `--browser chromium|firefox|webkit|all` (a comma list too), format 1.2: the engines a run uses, in order. */
import { ENGINES, type EngineName } from '../engines/engine.ts';
import { CliError } from './cli-error.ts';
import { suggestion } from './did-you-mean.ts';

export const DEFAULT_ENGINES: readonly EngineName[] = ['chromium'];
export const BROWSER_CHOICES = `${ENGINES.join(' | ')} | all`;

const isEngine = (name: string): name is EngineName => (ENGINES as readonly string[]).includes(name);

/** The engines named by `--browser`, each once, in the order given (`all`: every engine). */
export function browserEngines(value: string | undefined, flag = '--browser'): { engines: EngineName[]; all: boolean } {
  if (value === undefined) return { engines: [...DEFAULT_ENGINES], all: false };
  const names = value.split(',').map((name) => name.trim().toLowerCase());
  const engines: EngineName[] = [];
  let all = false;
  for (const name of names) {
    if (name === 'all') {
      all = true;
      engines.push(...ENGINES);
    } else if (isEngine(name)) engines.push(name);
    else {
      const hint = name === '' ? '' : suggestion(name, [...ENGINES, 'all']);
      throw new CliError(`${flag}: unknown engine ${JSON.stringify(name)} (${ENGINES.join(', ')}, all)${hint}`);
    }
  }
  return { engines: [...new Set(engines)], all };
}
