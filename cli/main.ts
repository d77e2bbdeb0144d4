/** The `cors-lab` command. Only this entry point sets exit codes. */
import { BrowserNotFoundError } from '../runner/find-browser.ts';
import { LabStartError } from '../servers/lab.ts';
import { ExperimentError } from '../experiments/validate.ts';
import { CliError } from './cli-error.ts';
import { processIo, type Io } from './io.ts';
import { LIST_HELP, listCommand } from './commands/list.ts';
import { ORIGINS_HELP, originsCommand } from './commands/origins.ts';
import { RUN_HELP, runCommand } from './commands/run.ts';
import { SCAN_HELP, scanCommand } from './commands/scan.ts';
import { SERVE_HELP, serveCommand } from './commands/serve.ts';
import { fileURLToPath } from 'node:url';
import { packageVersion } from './version.ts';

const HELP = `cors-lab: a CORS playground with real origins and real Chromium.

cors-lab --version (-v)
  Prints the version.

${SERVE_HELP}

${ORIGINS_HELP}

${LIST_HELP}

${RUN_HELP}

${SCAN_HELP}
`;

const COMMANDS: Record<string, (args: string[], io: Io) => number | Promise<number>> = {
  serve: serveCommand,
  origins: originsCommand,
  list: listCommand,
  run: runCommand,
  scan: scanCommand,
};

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
  const command = COMMANDS[name];
  try {
    if (!command) throw new CliError(`unknown command ${JSON.stringify(name)}; commands: ${Object.keys(COMMANDS).join(', ')}. See: cors-lab --help`);
    return await command(args, io);
  } catch (error) {
    if (error instanceof ExperimentError) {
      io.err(`${error.problems.join('\n')}\n`);
      return 2;
    }
    if (error instanceof CliError || error instanceof LabStartError || error instanceof BrowserNotFoundError) {
      io.err(`cors-lab: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
