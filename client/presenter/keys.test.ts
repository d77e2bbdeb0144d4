import { describe, expect, it } from 'vitest';
import { stepKeyDirection, type StepKeyEvent } from './keys.ts';

/** A keydown from `path` (innermost first), built from plain objects the way composedPath() lists them. */
function keydown(key: string, path: object[] = [], mods: Partial<StepKeyEvent> = {}): StepKeyEvent {
  return { key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, isComposing: false, defaultPrevented: false, composedPath: () => path as EventTarget[], ...mods };
}
const el = (tagName: string, attrs: Record<string, string> = {}, isContentEditable = false) => ({ tagName, isContentEditable, getAttribute: (n: string) => attrs[n] ?? null });
const page = [el('MAIN'), el('BODY'), el('HTML'), {}];

describe('stepKeyDirection', () => {
  it('steps forward on → PageDown Space and back on ← PageUp', () => {
    expect(['ArrowRight', 'PageDown', ' ', 'ArrowLeft', 'PageUp'].map((k) => stepKeyDirection(keydown(k, page)))).toEqual([1, 1, 1, -1, -1]);
  });

  it('ignores other keys', () => {
    for (const key of ['Enter', 'ArrowUp', 'ArrowDown', 'Home', 'n', 'Spacebar']) expect(stepKeyDirection(keydown(key, page)), key).toBeNull();
  });

  it('never steps while typing: a field anywhere on the path, shadow DOM included', () => {
    for (const field of [el('INPUT'), el('TEXTAREA'), el('SELECT'), el('DIV', {}, true), el('DIV', { role: 'textbox' }), el('DIV', { role: 'slider' })]) {
      for (const key of ['ArrowRight', 'ArrowLeft', ' ', 'PageDown']) expect(stepKeyDirection(keydown(key, [field, el('CORS-LAB-EDITOR'), ...page])), `${field.tagName} ${key}`).toBeNull();
    }
  });

  it('leaves Space to the button, link or summary it activates, but steps on arrows there', () => {
    for (const target of [el('BUTTON'), el('A'), el('SUMMARY'), el('DIV', { role: 'button' }), el('SPAN', { role: 'radio' })]) {
      expect(stepKeyDirection(keydown(' ', [target, ...page])), target.tagName).toBeNull();
      expect(stepKeyDirection(keydown('ArrowRight', [target, ...page])), target.tagName).toBe(1);
    }
  });

  it('leaves shortcuts with a modifier, composition and handled keys alone', () => {
    for (const mods of [{ altKey: true }, { ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { isComposing: true }, { defaultPrevented: true }]) expect(stepKeyDirection(keydown('ArrowRight', page, mods)), JSON.stringify(mods)).toBeNull();
  });
});
