/** Flag parsing shared by the commands, with messages that name the flag. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_PORT_BASE, MAX_PORT_BASE, MIN_PORT_BASE, PORT_BASE_ENV, PORT_BASE_FLAG } from '../plan/origins.ts';
import { CliError } from './cli-error.ts';
import { suggestion } from './did-you-mean.ts';

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: T, allowPositionals: boolean) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    // A mistyped flag: the closest of this command's flags.
    const unknownFlag = (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
    const typed = unknownFlag ? /'(-[^'=]+)/.exec(message)?.[1] : undefined;
    const flagsOf = ([name, { short }]: [string, { short?: string }]): string[] => (short ? [`--${name}`, `-${short}`] : [`--${name}`]);
    const flags = Object.entries(options).flatMap(flagsOf);
    const hint = typed ? suggestion(typed, flags) : '';
    throw new CliError(`${command}: ${message}${hint}\nSee: cors-lab ${command} --help`);
  }
}

export function wholeNumber(flag: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw new CliError(`${flag}: expected a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** The port block: the flag, else the environment variable, else the default. */
export function portBase(flagValue: string | undefined, env: NodeJS.ProcessEnv = process.env): number {
  if (flagValue !== undefined) return wholeNumber(PORT_BASE_FLAG, flagValue, MIN_PORT_BASE, MAX_PORT_BASE);
  const fromEnv = env[PORT_BASE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return wholeNumber(PORT_BASE_ENV, fromEnv, MIN_PORT_BASE, MAX_PORT_BASE);
  return DEFAULT_PORT_BASE;
}
