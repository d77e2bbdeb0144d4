/**
 * The `cors-lab` command. Only this entry point sets exit codes.
 * Each command's module is imported when that command runs, so `--help` and
 * the light commands never load the browser driver, the servers or the schema.
 */
import { CliError } from './cli-error.ts';
import { suggestion } from './did-you-mean.ts';
import { processIo, type Io } from './io.ts';
import { fileURLToPath } from 'node:url';
import { exitOnSignals } from './signals.ts';
import { packageVersion } from './version.ts';
import { printableText } from '../format/terminal-text.ts';

type Command = (args: string[], io: Io) => number | Promise<number>;

const COMMANDS: Record<string, { about: string; load: () => Promise<Command> }> = {
  serve: { about: 'start the origins and the playground (what npm start runs)', load: async () => (await import('./commands/serve.ts')).serveCommand },
  origins: { about: "the lab's named origins, their URLs and sites", load: async () => (await import('./commands/origins.ts')).originsCommand },
  list: { about: 'the built-in catalog of experiments', load: async () => (await import('./commands/list.ts')).listCommand },
  run: { about: 'run experiments in headless Chromium', load: async () => (await import('./commands/run.ts')).runCommand },
  scan: { about: 'check a real API for CORS misconfigurations (plain HTTP; --prove: exploits in Chromium)', load: async () => (await import('./commands/scan.ts')).scanCommand },
  probe: { about: 'a real request from any origin to your own URL, and why it is blocked', load: async () => (await import('./commands/probe.ts')).probeCommand },
  ca: { about: "the secure origin's certificate authority: where it is and how to trust it", load: async () => (await import('./commands/ca.ts')).caCommand },
  explain: {
    about: 'every cross-origin request in a HAR file (DevTools), its reason and fix',
    load: async () => (await import('./commands/explain.ts')).explainCommand,
  },
};

const HELP = `cors-lab: a CORS playground with real origins and real Chromium.

Usage: cors-lab COMMAND [options]
       cors-lab --version (-v)

${Object.entries(COMMANDS)
  .map(([name, { about }]) => `  cors-lab ${name.padEnd(8)} ${about}`)
  .join('\n')}

cors-lab COMMAND --help shows a command's options.
`;

/** Errors that are the user's input, not a bug: a message, exit code 2. */
async function inputErrorMessage(error: unknown): Promise<string | null> {
  if (error instanceof CliError) return `cors-lab: ${error.message}\n`;
  if (!(error instanceof Error)) return null;
  // Loaded only when an error needs them: they pull in the schema, the servers and the browser driver.
  const [{ ExperimentError }, { LabStartError }, { BrowserNotFoundError }] = await Promise.all([
    import('../format/validate.ts'),
    import('../servers/lab.ts'),
    import('../runner/find-browser.ts'),
  ]);
  if (error instanceof ExperimentError) return `${error.problems.join('\n')}\n`;
  if (error instanceof LabStartError || error instanceof BrowserNotFoundError) return `cors-lab: ${error.message}\n`;
  return null;
}

/** Runs one command line; returns the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${packageVersion()}\n`);
    return 0;
  }
  try {
    const command = COMMANDS[name];
    if (!command) {
      const names = Object.keys(COMMANDS);
      const known = `Commands: ${names.join(', ')}. See: cors-lab --help`;
      throw new CliError(`unknown command ${JSON.stringify(name)}${suggestion(name, names)}\n${known}`);
    }
    return await (await command.load())(args, io);
  } catch (error) {
    const message = await inputErrorMessage(error);
    if (message === null) throw error;
    // Messages quote the input (a plan's fields, a server's error): nothing in them may drive the terminal.
    io.err(printableText(message));
    return 2;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv[2] !== 'serve') exitOnSignals((text) => processIo.err(text));
  process.exitCode = await main(process.argv.slice(2));
}
