/**
 * Stages of jobs, each stage's jobs side by side, the next stage only once all of a stage's jobs passed: what
 * `npm test` runs them with (scripts/test-all.ts).
 *
 * At most one job of a stage writes to the terminal as it goes (`live`); the others' output is kept and written whole
 * when each ends, under a header, so no two jobs' lines interleave. The summary names each job, how it ended and how
 * long it took, and each job an earlier stage's failure kept from running. Each job leads its own process group, so
 * stopping the jobs (Ctrl-C) stops what they started too: browsers, servers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** How long a job's pipes are read after it exited, when something it started still holds them. */
const PIPES_AFTER_EXIT_MS = 5_000;

export interface Job {
  name: string;
  command: string;
  args: string[];
  /** Writes straight to the terminal. */
  live?: boolean;
}

export interface Ended {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  seconds: number;
}

export interface RunJobs {
  cwd: string;
  /** Where the kept output, the headers and the summary go. */
  write: (text: string | Uint8Array) => void;
  env?: NodeJS.ProcessEnv;
}

/** "passed in 12 s", "failed (exit code 1) in 3 s", "stopped by SIGINT in 40 s". */
export function verdict({ code, signal, seconds }: Ended): string {
  const how = signal !== null ? `stopped by ${signal}` : code === 0 ? 'passed' : `failed (exit code ${code})`;
  return `${how} in ${seconds.toFixed(0)} s`;
}

/** The stages' jobs, run; resolves true when every job of every stage passed. */
export class JobRunner {
  readonly #running = new Set<ChildProcess>();
  readonly #options: RunJobs;

  constructor(options: RunJobs) {
    this.#options = options;
  }

  #stopped = false;

  /** Sends the signal to every running job's process group; no later stage starts. */
  stop(signal: NodeJS.Signals): void {
    this.#stopped = true;
    for (const child of this.#running) {
      if (child.pid !== undefined) try { process.kill(-child.pid, signal); } catch { /* already gone */ }
    }
  }

  async runStages(stages: Job[][]): Promise<boolean> {
    const { write } = this.#options;
    const summary: Ended[] = [];
    let passed = true;
    for (const [i, stage] of stages.entries()) {
      if (this.#stopped) break;
      write(`Stage ${i + 1} of ${stages.length}, side by side: ${stage.map((j) => j.name).join(', ')}\n`);
      const ended = await Promise.all(stage.map((job) => this.#run(job)));
      summary.push(...ended);
      passed = ended.every((e) => e.code === 0) && !this.#stopped;
      if (!passed) break;
    }
    write('\nSummary:\n');
    const width = Math.max(...stages.flat().map((job) => job.name.length)) + 2;
    for (const ended of summary) write(`  ${ended.name.padEnd(width)}${verdict(ended)}\n`);
    for (const job of stages.flat().filter((j) => !summary.some((e) => e.name === j.name))) {
      write(`  ${job.name.padEnd(width)}not run: ${this.#stopped ? 'stopped' : 'an earlier stage failed'}\n`);
    }
    return passed;
  }

  #run(job: Job): Promise<Ended> {
    const { cwd, write, env } = this.#options;
    const started = performance.now();
    const child = spawn(job.command, job.args, {
      cwd,
      env: env ?? process.env,
      detached: true,
      stdio: job.live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    this.#running.add(child);
    const kept: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => kept.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => kept.push(chunk));
    return new Promise((resolve) => {
      let done = false;
      const end = (code: number | null, signal: NodeJS.Signals | null): void => {
        if (done) return;
        done = true;
        this.#running.delete(child);
        const ended = { name: job.name, code, signal, seconds: (performance.now() - started) / 1000 };
        child.stdout?.destroy();
        child.stderr?.destroy();
        if (!job.live) {
          write(`\n== ${job.name}: ${verdict(ended)}\n`);
          write(Buffer.concat(kept));
          write(`== end of ${job.name}\n\n`);
        }
        resolve(ended);
      };
      // A command that cannot start (not installed) is a failed job that says why, not a crash.
      child.on('error', (error) => {
        kept.push(Buffer.from(`${job.command}: ${error.message}\n`));
        end(127, null);
      });
      // 'close' comes once the job has exited and its pipes are drained. A process the job left behind may hold the
      // pipes open: then the job's end is taken a while after its exit, with what it wrote by then (the job's verdict
      // is its exit code either way; the wait only bounds how long its last lines are waited for).
      child.on('close', end);
      child.on('exit', (code, signal) => setTimeout(() => end(code, signal), PIPES_AFTER_EXIT_MS).unref());
    });
  }
}
