/**
 * Fix it, graded help: after a first wrong attempt the learner is told which
 * header (on which answer) the browser stopped at; from the second on, the
 * model's fix for what their browser did. Never the solution before a try.
 */
import { msg, str } from '@lit/localize';
import type { FixVerdict } from './fix-attempt.ts';

/** The header a reason is about, or null (a status, a redirect, a mode). */
export function headerOfReason(reason: string): string | null {
  if (/AllowOrigin|WildcardOriginNotAllowed/.test(reason)) return 'Access-Control-Allow-Origin';
  if (/AllowCredentials/.test(reason)) return 'Access-Control-Allow-Credentials';
  if (/Method/.test(reason)) return 'Access-Control-Allow-Methods';
  if (/Header(Disallowed|s)/.test(reason)) return 'Access-Control-Allow-Headers';
  return null;
}

/** Whether a reason is about the preflight's answer (Chromium's names say so). */
function onPreflight(reason: string): boolean {
  return reason.startsWith('Preflight') || reason.endsWith('PreflightResponse');
}

export type FixHint = { level: 'header'; text: string } | { level: 'fix'; text: string } | null;

/**
 * The hint after `attempts` checks that did not fix it (1: which header;
 * 2 or more: the model's fix, `modelFix`, for the step the browser stopped at).
 */
export function fixHint(verdict: FixVerdict, attempts: number, modelFix: string | null): FixHint {
  if (verdict.fixed || 'failure' in verdict || attempts < 1) return null;
  if (attempts >= 2 && modelFix) return { level: 'fix', text: modelFix };
  if (verdict.unreadable.length > 0) {
    const names = verdict.unreadable.join(', ');
    const text = msg(str`Hint: look at Access-Control-Expose-Headers on the actual answer (${names}).`, { id: 'lesson.hint.expose' });
    return { level: 'header', text };
  }
  const header = verdict.check ? headerOfReason(verdict.check) : null;
  if (!verdict.check || !header) return modelFix ? { level: 'fix', text: modelFix } : null;
  const text = onPreflight(verdict.check)
    ? msg(str`Hint: look at ${header} on the preflight answer (OPTIONS).`, { id: 'lesson.hint.preflight' })
    : msg(str`Hint: look at ${header} on the actual answer.`, { id: 'lesson.hint.actual' });
  return { level: 'header', text };
}
