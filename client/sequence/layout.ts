/**
 * Lays a sequence out on a grid, as plain numbers: lanes (page, browser,
 * each origin reached, in order of first contact), arrows with their label
 * lines, and the note where the browser stopped. Pure, so it is tested in
 * Node; cors-lab-sequence.ts only draws what this returns.
 */
import { msg, str } from '@lit/localize';
import type { SequenceExchange, SequenceInput } from './sequence.ts';

/** Monospace text at 12 px: about 7.2 px a character. */
export const FONT_SIZE = 12;
const CHAR_WIDTH = 7.2;
const LINE_HEIGHT = 15;
const HEAD_HEIGHT = 46;
const MARGIN = 16;
const ARROW_GAP = 14;
/** Lane headings are this wide; lanes are at least MIN_GAP apart. */
export const HEAD_WIDTH = 160;
const MIN_GAP = 180;
const MAX_GAP = 390;
/** Longer label lines are cut with "…" so a plan token or a long list never widens the picture. */
const MAX_LINE_CHARS = Math.floor((MAX_GAP - 16) / CHAR_WIDTH);
/** Notes and the result wrap earlier: they sit between two lanes. */
const WRAP_CHARS = 36;

export type Tone = 'plain' | 'key' | 'bad' | 'good';

export interface LabelLine {
  text: string;
  tone: Tone;
}

export interface Lane {
  id: string;
  label: string;
  detail: string;
  x: number;
}

export type ArrowKind = 'call' | 'preflight' | 'request' | 'response' | 'result';

export interface Arrow {
  kind: ArrowKind;
  from: string;
  to: string;
  x1: number;
  x2: number;
  y: number;
  /** Label lines, drawn above the arrow from `labelX`. */
  lines: LabelLine[];
  labelX: number;
  dashed: boolean;
  tone: Tone;
}

export interface Note {
  lane: string;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: LabelLine[];
}

export interface SequenceLayout {
  title: string;
  width: number;
  height: number;
  lanes: Lane[];
  arrows: Arrow[];
  /** Where the browser stopped, when it did. */
  stop: Note | null;
  /** The stop note in full, unwrapped: the diagram's accessible name says it whole, never cut mid-phrase. */
  stopText: string | null;
}

/** Response headers that take part in the CORS decision, in the order they are shown. */
const DECIDING = [
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-max-age',
  'access-control-expose-headers',
  'location',
];

/**
 * How many Latin character widths a text takes in the monospace font: an East
 * Asian wide character (Han, kana, full-width punctuation) takes two.
 * https://www.unicode.org/reports/tr11/
 */
export function columns(text: string): number {
  let n = 0;
  for (const c of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1;
  return n;
}

/** The longest start of a text that fits in `width` columns. */
function fitting(text: string, width: number): string {
  let out = '';
  for (const c of text) {
    if (columns(out + c) > width) break;
    out += c;
  }
  return out;
}

function cut(text: string): string {
  return columns(text) > MAX_LINE_CHARS ? `${fitting(text, MAX_LINE_CHARS - 1)}…` : text;
}

function line(text: string, tone: Tone = 'plain'): LabelLine {
  return { text: cut(text), tone };
}

function requestLines(e: SequenceExchange): LabelLine[] {
  const hop = e.hop ? msg(str` (hop ${e.hop})`, { id: 'sequence.hop' }) : '';
  const lines = [line(`${e.method} ${e.path}${hop}`, 'key'), line(`Origin: ${e.originHeader ?? msg('(none)', { id: 'sequence.none' })}`)];
  if (e.accessControlRequestMethod) lines.push(line(`Access-Control-Request-Method: ${e.accessControlRequestMethod}`));
  if (e.accessControlRequestHeaders) lines.push(line(`Access-Control-Request-Headers: ${e.accessControlRequestHeaders}`));
  if (e.cookie) lines.push(line(`Cookie: ${msg('(sent)', { id: 'sequence.sent' })}`));
  return lines;
}

function responseLines(e: SequenceExchange, next: SequenceExchange | undefined, decisive: readonly string[], failed: boolean): LabelLine[] {
  const lines = [line(`${e.status}`, 'key')];
  const shown = e.responseHeaders.filter(([name]) => DECIDING.includes(name.toLowerCase()));
  shown.sort(([a], [b]) => DECIDING.indexOf(a.toLowerCase()) - DECIDING.indexOf(b.toLowerCase()));
  for (const [name, value] of shown) {
    const lower = name.toLowerCase();
    // A Location holds the next hop's whole plan URL: name the origin it leads to instead.
    const text = lower === 'location' && next && next.hop > e.hop ? `${name}: → ${next.origin}` : `${name}: ${value}`;
    lines.push(line(text, failed && decisive.includes(lower) ? 'bad' : 'plain'));
  }
  // A header whose absence decided the block is shown as absent.
  if (failed) {
    for (const name of decisive.filter((d) => !shown.some(([n]) => n.toLowerCase() === d))) {
      const header = name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
      lines.push(line(msg(str`(no ${header})`, { id: 'sequence.absent' }), 'bad'));
    }
  }
  return lines;
}

export function layoutSequence(input: SequenceInput): SequenceLayout {
  const origins = [...new Set(input.exchanges.map((e) => e.origin))];
  const laneIds = ['page', 'browser', ...origins.map((o) => `origin:${o}`)];
  const last = input.exchanges.length - 1;
  const blocked = input.outcome === 'blocked' && input.stop !== null;
  const stopAfterLast = blocked && last >= 0;

  // Label lines first: the lane gap must fit the longest one.
  type Planned = Omit<Arrow, 'x1' | 'x2' | 'y' | 'labelX'>;
  const planned: Planned[] = [{ kind: 'call', from: 'page', to: 'browser', lines: input.call.map((t, i) => line(t, i === 0 ? 'key' : 'plain')), dashed: false, tone: 'plain' }];
  input.exchanges.forEach((e, i) => {
    const lane = `origin:${e.origin}`;
    const failed = stopAfterLast && i === last;
    planned.push({ kind: e.kind === 'preflight' ? 'preflight' : 'request', from: 'browser', to: lane, lines: [...(e.kind === 'preflight' ? [line(msg('preflight', { id: 'sequence.preflight' }), 'key')] : []), ...requestLines(e)], dashed: e.kind === 'preflight', tone: 'plain' });
    planned.push({ kind: 'response', from: lane, to: 'browser', lines: responseLines(e, input.exchanges[i + 1], input.stop?.headers ?? [], failed), dashed: e.kind === 'preflight', tone: failed ? 'bad' : 'plain' });
  });
  const resultTone: Tone = input.outcome === 'allowed' ? 'good' : input.outcome === 'blocked' ? 'bad' : 'plain';
  const result: Planned = { kind: 'result', from: 'browser', to: 'page', lines: input.result.flatMap((t, i) => wrap(t).map((w, j) => line(w, i === 0 && j === 0 ? resultTone : 'plain'))), dashed: false, tone: resultTone };
  const stopped = msg('✕ stopped:', { id: 'sequence.stopped' });
  const stopLines = blocked && input.stop ? [line(stopped, 'bad'), ...wrap(input.stop.reason).map((t) => line(t, 'bad')), ...wrap(input.stop.text).map((t) => line(t))] : [];
  const stopText = blocked && input.stop ? [stopped, input.stop.reason, input.stop.text].filter(Boolean).join(' ') : null;

  // Each lane sits far enough right for the labels of the arrows that reach it; labels start at the left end of their arrow.
  const fit = (arrows: readonly Planned[]): number => Math.ceil(Math.max(0, ...arrows.flatMap((a) => a.lines.map((l) => columns(l.text)))) * CHAR_WIDTH) + 24;
  const xs = new Map<string, number>([['page', MARGIN + HEAD_WIDTH / 2]]);
  const browserX = MARGIN + HEAD_WIDTH / 2 + Math.max(MIN_GAP, Math.min(MAX_GAP, fit([planned[0] as Planned, result])));
  xs.set('browser', browserX);
  let previous = browserX;
  for (const lane of laneIds.slice(2)) {
    previous = Math.max(previous + MIN_GAP, browserX + Math.min(MAX_GAP, fit(planned.filter((a) => a.to === lane || a.from === lane))));
    xs.set(lane, previous);
  }
  const x = (id: string): number => xs.get(id) ?? 0;
  const lanes: Lane[] = laneIds.map((id) => ({
    id,
    label: id === 'page' ? msg(str`page (${input.page})`, { id: 'sequence.lane-page' }) : id === 'browser' ? msg('browser', { id: 'sequence.lane-browser' }) : id.slice('origin:'.length),
    detail: id === 'page' ? (input.urls?.[input.page] ?? (input.page === 'null' ? msg('opaque origin', { id: 'sequence.opaque-origin' }) : '')) : id === 'browser' ? msg('CORS checks', { id: 'sequence.cors-checks' }) : (input.urls?.[id.slice('origin:'.length)] ?? ''),
    x: x(id),
  }));

  let y = HEAD_HEIGHT + MARGIN;
  const arrows: Arrow[] = [];
  const place = (a: Planned): void => {
    y += a.lines.length * LINE_HEIGHT + ARROW_GAP;
    const x1 = x(a.from);
    const x2 = x(a.to);
    arrows.push({ ...a, x1, x2, y, labelX: Math.min(x1, x2) + 8 });
  };
  planned.forEach(place);
  let stop: Note | null = null;
  if (stopLines.length) {
    const width = Math.max(...stopLines.map((l) => columns(l.text))) * CHAR_WIDTH + 16;
    const height = stopLines.length * LINE_HEIGHT + 10;
    // Centred on the browser's lane, never over the page's.
    stop = { lane: 'browser', x: browserX - Math.min(width / 2, browserX - x('page') - 8), y: y + 10, width, height, lines: stopLines };
    y += height + 10;
  }
  place(result);
  const width = Math.max(previous + HEAD_WIDTH / 2 + MARGIN, stop ? stop.x + stop.width + MARGIN : 0);
  return { title: input.title, width, height: y + MARGIN, lanes, arrows, stop, stopText };
}

/**
 * Splits a sentence into lines that fit a note, after spaces and commas; a
 * run without spaces wider than a line (Chinese has none between words) is
 * broken where it fills one.
 */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (let word of text.split(/ +/).filter(Boolean)) {
    // A long Latin word (a URL, a header name) stays whole, as before; only wide text is broken.
    while (columns(word) > WRAP_CHARS && columns(word) !== word.length) {
      const room = current ? WRAP_CHARS - columns(current) - 1 : WRAP_CHARS;
      const head = room > 0 ? fitting(word, room) : '';
      if (!head) {
        lines.push(current);
        current = '';
        continue;
      }
      lines.push(current ? `${current} ${head}` : head);
      current = '';
      word = word.slice(head.length);
    }
    if (current && columns(current) + 1 + columns(word) > WRAP_CHARS) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  return current ? [...lines, current] : lines;
}
