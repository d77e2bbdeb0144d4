/**
 * A step's `delayMs`, waited in full on the clock the runner measures steps with (performance.now(),
 * experiments/model/step-clock.ts). Node's timers run on the event loop's millisecond clock, so a 1,200 ms
 * timer can fire when performance.now() has moved 1,199.99 ms (seen in CI): the model, asked on the measured
 * clock, then saw a step sooner than the experiment means. Waiting again for whatever is left keeps every gap
 * at least the delay asked for.
 */
export async function delay(ms: number): Promise<void> {
  const until = performance.now() + ms;
  for (let left = ms; left > 0; left = until - performance.now()) {
    await new Promise((resolve) => setTimeout(resolve, Math.ceil(left)));
  }
}
