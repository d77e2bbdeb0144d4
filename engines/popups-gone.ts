/**
 * Format 1.2 `window-open` in the Firefox and WebKit drivers: after a step that opened a popup, the driver waits until
 * the session has no more windows than before the step. The lab's target page closes itself once it runs without an
 * opener (`noopener`, plan/target-page.ts) and the runner page closes the popups it holds, so a popup gone is a popup
 * whose request reached its server: the journal read next sees it, whatever the machine's load (the Chromium runner
 * waits for the popup's load the same way, runner/chromium-tab.ts). Bounded by the step limit: a limit, never a
 * verdict (a popup still open then is left to its session's close).
 */
import { STEP_TIMEOUT_MS } from './step-limit.ts';

/** How often the window count is asked for (there is no event for a window closing in either driver). */
const ASK_EVERY_MS = 25;

export async function popupsGone(windows: () => Promise<number>, before: number): Promise<void> {
  const limit = performance.now() + STEP_TIMEOUT_MS;
  while ((await windows()) > before && performance.now() < limit) {
    await new Promise((resolve) => setTimeout(resolve, ASK_EVERY_MS));
  }
}
