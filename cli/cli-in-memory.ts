/** Runs the CLI in this process with its output captured: what the CLI's tests call. */
import type { Io } from './io.ts';
import { main } from './main.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function cli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), interactive: false };
  const code = await main(argv, io);
  return { code, out, err };
}
