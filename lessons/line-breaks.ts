/**
 * Markdown turns a line break inside a paragraph into a space. Between
 * Chinese characters that space is visible (Chromium does not drop it), so a
 * Chinese paragraph is written on one line. This finds the breaks that would
 * show. https://spec.commonmark.org/0.31.2/#soft-line-breaks
 */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”—]/u;
/** A line that starts a block of its own, so the break before it is not inside a paragraph. */
const BLOCK_START = /^\s*(#|\||```|~~~|[-*+] |\d+[.)] |>)/;

/** 0-based indexes of lines that continue a paragraph across a break touching a Chinese character. */
export function cjkSoftBreaks(markdown: string): number[] {
  const lines = markdown.split('\n');
  const found: number[] = [];
  let inCode = false;
  lines.forEach((line, i) => {
    if (/^(```|~~~)/.test(line)) inCode = !inCode;
    const previous = lines[i - 1];
    if (inCode || previous === undefined || line.trim() === '' || previous.trim() === '') return;
    if (BLOCK_START.test(line) || /^\s*(#|\||```|~~~)/.test(previous)) return;
    if (CJK.test(previous.trimEnd().slice(-1)) || CJK.test(line.trimStart().charAt(0))) found.push(i);
  });
  return found;
}
