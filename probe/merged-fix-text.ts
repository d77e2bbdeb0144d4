/**
 * The fix of several probes, printed once after their table. Apart from probe-text.ts so that `probe --help`
 * and bad input never load the model (the CLI imports this with the browser code).
 */
import { printableText } from '../format/terminal-text.ts';
import { resolveFramework, type FrameworkChoice } from './framework.ts';
import { frameworkFix, frameworkFixText } from './framework-fix.ts';
import { mergeFixes, type ProbeFix } from './probe-fix.ts';
import type { ProbeResult } from './probe-result.ts';
import { indent } from './probe-text.ts';

/**
 * The fix of several probes as one, after the table: one line per header of each answer (every method in one
 * Access-Control-Allow-Methods), in the framework's terms; '' when no probe has a fix.
 */
export function mergedFixReport(results: readonly ProbeResult[], framework: FrameworkChoice): string {
  // Behind a Local Network Access block, CORS's own verdict (withPermission) carries the fix.
  const fixes = results.map((r) => r.fix ?? r.withPermission?.fix).filter((f): f is ProbeFix => f !== undefined);
  const first = results[0];
  if (fixes.length === 0 || first === undefined) return '';
  const answers = results.flatMap((r) => [r.preflightResponse?.headers ?? [], r.response?.headers ?? []]);
  const written = frameworkFix(mergeFixes(fixes), resolveFramework(framework, answers), first.request.url);
  if (written === null) return '';
  return printableText(`\nfix (every probe above)\n  ${indent(frameworkFixText(written), '  ')}\n`);
}
