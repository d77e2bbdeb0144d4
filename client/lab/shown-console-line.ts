/**
 * A console line as the learner's own console shows it. WebKit's model gives the line WebKitGTK writes to its output
 * ("CONSOLE SECURITY ERROR " and the sentence: engines/webkit/ reads it there); Safari's Web Inspector shows the
 * sentence alone, as a security error. Small and apart, so a lesson page shows it without the engines' models.
 */
import type { EngineName } from '../../format/engine-names.ts';
import { SECURITY_LINE } from '../../format/webkit-console-prefix.ts';

export function shownConsoleLine(engine: EngineName, line: string | null): string | null {
  return engine === 'webkit' && line?.startsWith(SECURITY_LINE) ? line.slice(SECURITY_LINE.length) : line;
}
