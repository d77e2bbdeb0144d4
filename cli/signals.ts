/**
 * Ctrl+C (SIGINT) and SIGTERM end a command at once, mid-run included, with
 * the shell's exit codes: 128 + the signal's number, 130 and 143. Without
 * this, Playwright's own handlers close the browser and leave the process
 * running (SIGTERM) or wait on that close (SIGINT). `process.exit` runs
 * Playwright's exit hook, which kills the Chromium it launched; the lab's
 * servers live in this process and end with it. Registered first, so it runs
 * before any handler a library adds later. `serve` has its own: it closes the
 * lab gracefully (commands/serve.ts).
 */
export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

export function exitOnSignals(write: (text: string) => void): void {
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.once(signal, () => {
      write(`cors-lab: stopped by ${signal}\n`);
      process.exit(code);
    });
  }
}
