/** Starts one of the bench's server scripts in a child process and reads its `{ ports, hosts }` line. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface ChildServer {
  process: ChildProcess;
  ports: number[];
  hosts: string[];
  /** Resident memory now, in MB (Linux /proc). */
  rssMb(): number;
  /** Sends one command line on the child's stdin and gives back the line it answers (lab-process.ts). */
  ask(command: string): Promise<string>;
  stop(): Promise<void>;
}

/** `nodeFlags` go to node before the script (e.g. `--expose-gc` for lab-process.ts's heap command). */
export async function startChild(script: string, nodeFlags: readonly string[] = []): Promise<ChildServer> {
  // `node --import tsx`, not the tsx command: that one runs the script in a grandchild, whose memory we would not see.
  const args = [...nodeFlags, '--import', 'tsx', fileURLToPath(new URL(script, import.meta.url))];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const line = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready`)));
  });
  const { ports, hosts } = JSON.parse(line) as { ports: number[]; hosts: string[] };
  return {
    process: child,
    ports,
    hosts,
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024,
    ask: (command) =>
      new Promise((resolve, reject) => {
        lines.once('line', resolve);
        child.stdin!.write(`${command}\n`, (error) => error && reject(error));
      }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
