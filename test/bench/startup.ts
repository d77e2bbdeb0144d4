/**
 * Start-up times of the published package (lib/, from `npm run build`): `cors-lab --help` and every command's
 * `--help` beside `node -e 0`, and `import('cors-lab/model')` (wall and CPU time). Best of `rounds`, the
 * processes alternating so that all see the same machine load. It measures; it does not judge.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/cors-lab.js', import.meta.url));
const COMMANDS = ['serve', 'origins', 'list', 'run', 'scan', 'probe', 'explain'];
/** Prints the wall and CPU time of the import itself, in ms, as "wall cpu". */
const IMPORT_MODEL =
  "const c = process.cpuUsage(); const t = performance.now(); await import('cors-lab/model'); " +
  'const u = process.cpuUsage(c); console.log(`${performance.now() - t} ${(u.user + u.system) / 1000}`);';

function timed(args: string[]): { ms: number; stdout: string } {
  const started = performance.now();
  const stdout = execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  return { ms: performance.now() - started, stdout };
}

export interface StartupTimes {
  /** Best wall time of each process, by label, in ms. */
  processes: Map<string, number>;
  /** Best wall and CPU time of `await import('cors-lab/model')` inside its process, in ms. */
  modelImport: { wall: number; cpu: number };
}

export function startupTimes(rounds = 5): StartupTimes {
  const runs: [string, string[]][] = [
    ['node -e 0', ['-e', '0']],
    ['cors-lab --help', [BIN, '--help']],
    ...COMMANDS.map((name): [string, string[]] => [`cors-lab ${name} --help`, [BIN, name, '--help']]),
    ["import('cors-lab/model')", ['--input-type=module', '-e', IMPORT_MODEL]],
  ];
  const processes = new Map<string, number>();
  const modelImport = { wall: Infinity, cpu: Infinity };
  for (let round = 0; round < rounds; round++) {
    for (const [label, args] of runs) {
      const { ms, stdout } = timed(args);
      processes.set(label, Math.min(processes.get(label) ?? Infinity, ms));
      if (label.startsWith('import(')) {
        const [wall = NaN, cpu = NaN] = stdout.trim().split(' ').map(Number);
        modelImport.wall = Math.min(modelImport.wall, wall);
        modelImport.cpu = Math.min(modelImport.cpu, cpu);
      }
    }
  }
  return { processes, modelImport };
}

/** The lines `npm run bench` prints. */
export function startupReport({ processes, modelImport }: StartupTimes): string {
  const floor = processes.get('node -e 0') ?? NaN;
  const lines = [...processes].map(([label, ms]) => {
    const target = 'target: within 200 ms of node -e 0';
    const beyond = label === 'node -e 0' ? '' : `   (+${(ms - floor).toFixed(0)} ms; ${target})`;
    return `  ${label.padEnd(45)}: ${ms.toFixed(0)} ms${beyond}`;
  });
  const model = `${modelImport.wall.toFixed(0)} ms wall, ${modelImport.cpu.toFixed(0)} ms CPU (target: under 150 ms)`;
  return [...lines, `  ${"the import of cors-lab/model itself".padEnd(45)}: ${model}`].join('\n');
}
