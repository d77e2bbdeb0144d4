/** Where a command writes: the terminal, or a buffer in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress lines redraw in place). */
  interactive: boolean;
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

export const processIo: Io = {
  out: pipeWriter(process.stdout),
  err: pipeWriter(process.stderr),
  interactive: Boolean(process.stderr.isTTY),
};
