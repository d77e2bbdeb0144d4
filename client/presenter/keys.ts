/**
 * Stepping keys, the ones presentation clickers send: → PageDown Space for
 * the next step, ← PageUp for the previous one. They step in both windows,
 * never while typing (a text field, a select, contenteditable: the keys move
 * the caret there) and never with a modifier (browser and system shortcuts).
 * Space also leaves buttons, links and summaries alone, where it activates
 * them: stepping too would move twice.
 */
export type StepDirection = 1 | -1;

const KEYS: Readonly<Record<string, StepDirection>> = { ArrowRight: 1, PageDown: 1, ' ': 1, ArrowLeft: -1, PageUp: -1 };
const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const SPACE_ACTIVATES = new Set(['BUTTON', 'A', 'SUMMARY']);

/** What a keydown needs to be judged; a KeyboardEvent has all of it. */
export type StepKeyEvent = Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'isComposing' | 'defaultPrevented'> & {
  /** The event's path through shadow roots (a field inside an element's shadow DOM counts). */
  composedPath(): readonly EventTarget[];
};

interface ElementLike {
  tagName: string;
  isContentEditable?: boolean;
  getAttribute?(name: string): string | null;
}

function isElementLike(target: EventTarget): target is EventTarget & ElementLike {
  return typeof (target as Partial<ElementLike>).tagName === 'string';
}

/** The step a keydown asks for, or null when it is not a stepping key here. */
export function stepKeyDirection(event: StepKeyEvent): StepDirection | null {
  if (event.defaultPrevented || event.isComposing || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const direction = KEYS[event.key];
  if (direction === undefined) return null;
  for (const target of event.composedPath()) {
    if (!isElementLike(target)) continue;
    const role = target.getAttribute?.('role');
    if (TYPING.has(target.tagName) || target.isContentEditable || role === 'textbox' || role === 'slider' || role === 'spinbutton') return null;
    if (event.key === ' ' && (SPACE_ACTIVATES.has(target.tagName) || role === 'button' || role === 'radio' || role === 'checkbox')) return null;
  }
  return direction;
}
