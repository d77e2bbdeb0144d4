/** Where a command writes: the terminal, or a buffer in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress lines redraw in place). */
  interactive: boolean;
  /** All of standard input, as text (`scan --urls -`); absent: the process's own. */
  readInput?(): Promise<string>;
}

/**
 * A writer to stdout or stderr. A reader that stops early (`cors-lab list | head`)
 * closes the pipe: the write fails with EPIPE, later output is dropped, and the
 * command ends with its own exit code instead of an unhandled 'error' stack trace.
 */
function pipeWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  let watching = false;
  return (text) => {
    if (closed) return;
    if (!watching) {
      watching = true;
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
        closed = true;
      });
    }
    stream.write(text);
  };
}

export async function readProcessInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const processIo: Io = {
  out: pipeWriter(process.stdout),
  err: pipeWriter(process.stderr),
  interactive: Boolean(process.stderr.isTTY),
  readInput: readProcessInput,
};
