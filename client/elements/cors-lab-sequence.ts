import { LitElement, css, html, nothing, svg } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { customElement, property, state } from 'lit/decorators.js';
import { FONT_SIZE, HEAD_WIDTH, layoutSequence, type Arrow, type LabelLine, type SequenceLayout } from '../sequence/layout.ts';
import type { SequenceInput } from '../sequence/sequence.ts';
import { svgFileText } from '../sequence/svg-file.ts';
import { baseStyles } from './theme.ts';

/** The SVG's own colours: the page's custom properties when shown, light fallbacks in an exported file. */
const SVG_STYLE = `
  .bg { fill: var(--cl-bg, #ffffff); }
  text { fill: var(--cl-fg, #1b1b1f); font-family: ui-monospace, 'Cascadia Code', Menlo, monospace; font-size: ${FONT_SIZE}px; }
  .head rect { fill: var(--cl-button-bg, #eef1f7); stroke: var(--cl-border, #c9c9d3); }
  .head .detail { fill: var(--cl-muted, #5a5a66); font-size: ${FONT_SIZE - 2}px; }
  .life { stroke: var(--cl-border, #c9c9d3); stroke-dasharray: 3 5; }
  .arrow line { stroke: var(--cl-fg, #1b1b1f); stroke-width: 1.5; }
  .arrow polygon { fill: var(--cl-fg, #1b1b1f); }
  .arrow.dashed line { stroke-dasharray: 6 4; }
  .arrow.bad line { stroke: var(--cl-blocked, #b3141c); }
  .arrow.bad polygon { fill: var(--cl-blocked, #b3141c); }
  .arrow.good line { stroke: var(--cl-allowed, #126b2e); }
  .arrow.good polygon { fill: var(--cl-allowed, #126b2e); }
  .key { font-weight: 700; }
  .bad { fill: var(--cl-blocked, #b3141c); }
  .good { fill: var(--cl-allowed, #126b2e); }
  .stop rect { fill: var(--cl-bg, #ffffff); stroke: var(--cl-blocked, #b3141c); stroke-width: 2; }
`;

const LINE = FONT_SIZE + 3;

/**
 * A run as a sequence diagram: lanes for the page, the browser and each
 * origin reached; the preflight, the actual request and each redirect hop
 * labelled with the headers that decided; where the browser stopped; what
 * JavaScript could read. Scales with the font size (presenter mode) and
 * scrolls inside its own box on a narrow screen, where a hint says so (a
 * phone shows the first lane only, and nothing else would tell that more
 * lies to the right) and a shadow marks the edge with more beyond it. The
 * box is a tab stop: the arrow keys scroll it. "Export SVG" downloads it.
 */
@customElement('cors-lab-sequence')
@localized()
export class CorsLabSequence extends LitElement {
  static override styles = [
    baseStyles,
    css`
      /* inline-size containment: the drawing never widens the page; it scrolls inside its own box. */
      :host { display: block; max-width: 100%; min-width: 0; contain: inline-size; }
      figure { margin: 0.4em 0; }
      .scroll { overflow-x: auto; max-width: 100%; border: 1px solid var(--cl-border); border-radius: 6px; position: relative; }
      .scroll:focus-visible { outline: 3px solid var(--cl-accent); outline-offset: 2px; }
      .hint { margin: 0.2em 0; font-size: 0.9em; font-weight: 600; }
      /* A shadow on each edge with more of the drawing beyond it (scroll-driven: no script, no timer). */
      .wrap { position: relative; }
      .wrap.overflows::after { content: ''; position: absolute; top: 0; right: 0; bottom: 0; width: 1.5em; pointer-events: none; border-radius: 0 6px 6px 0;
        background: linear-gradient(to right, transparent, color-mix(in srgb, var(--cl-fg) 30%, transparent)); }
      .wrap.overflows.at-end::after { display: none; }
      svg { display: block; height: auto; }
      figcaption { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; margin-top: 0.3em; font-size: 0.9em; }
    `,
  ];

  /** What to draw (see client/sequence/from-run.ts). */
  @property({ attribute: false }) sequence?: SequenceInput;
  /** Name of the exported file, without `.svg`. */
  @property() filename = 'cors-lab-sequence';

  /** The drawing is wider than its box (a phone, a large font): the hint and the edge shadow show. */
  @state() private _overflows = false;
  /** Scrolled to the right end: the right edge shadow goes. */
  @state() private _atEnd = false;
  #resize = new ResizeObserver(() => this._measure());

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
  }

  protected override updated(): void {
    const box = this.renderRoot.querySelector('.scroll');
    if (box) this.#resize.observe(box);
    this._measure();
  }

  private _measure(): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.scroll');
    if (!box) return;
    const overflows = box.scrollWidth > box.clientWidth + 1;
    const atEnd = box.scrollLeft + box.clientWidth >= box.scrollWidth - 1;
    if (overflows !== this._overflows) this._overflows = overflows;
    if (atEnd !== this._atEnd) this._atEnd = atEnd;
  }

  private get _layout(): SequenceLayout | undefined {
    return this.sequence ? layoutSequence(this.sequence) : undefined;
  }

  private _export(): void {
    const drawn = this.renderRoot.querySelector('svg');
    if (!drawn) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([svgFileText(drawn)], { type: 'image/svg+xml' }));
    a.download = `${this.filename}.svg`;
    a.click();
    URL.revokeObjectURL(a.href);
  }

  private _text(lines: readonly LabelLine[], x: number, bottom: number) {
    return lines.map((l, i) => svg`<text x=${x} y=${bottom - (lines.length - 1 - i) * LINE} class=${l.tone === 'plain' ? '' : l.tone}>${l.text}</text>`);
  }

  private _arrow(a: Arrow) {
    const dir = Math.sign(a.x2 - a.x1);
    const tip = a.x2 - dir * 2;
    return svg`<g class=${`arrow ${a.kind} ${a.dashed ? 'dashed' : ''} ${a.tone}`} data-from=${a.from} data-to=${a.to}>
      ${this._text(a.lines, a.labelX, a.y - 6)}
      <line x1=${a.x1} y1=${a.y} x2=${tip - dir * 8} y2=${a.y}></line>
      <polygon points=${`${tip},${a.y} ${tip - dir * 10},${a.y - 5} ${tip - dir * 10},${a.y + 5}`}></polygon>
    </g>`;
  }

  override render() {
    const l = this._layout;
    if (!l) return nothing;
    const lanes = l.lanes.map((lane) => lane.label).join(', ');
    const stop = l.stopText ? `; ${l.stopText}` : '';
    const summary = msg(str`${l.title}: ${lanes}; ${l.arrows.length} arrows${stop}`, { id: 'sequence.summary' });
    const hint = msg(str`↔ Wider than this screen: swipe the diagram sideways, or focus it and press the arrow keys, to see all ${l.lanes.length} lanes.`, { id: 'sequence.hint' });
    return html`<figure>
      ${this._overflows ? html`<p class="hint" id="hint">${hint}</p>` : nothing}
      <div class=${`wrap${this._overflows ? ' overflows' : ''}${this._atEnd ? ' at-end' : ''}`}>
      <div class="scroll" tabindex="0" role="group" aria-label=${this._overflows ? msg(str`${l.title} (scrolls sideways)`, { id: 'sequence.scrolls' }) : l.title} aria-describedby=${this._overflows ? 'hint' : nothing} @scroll=${() => this._measure()}>
        <svg xmlns="http://www.w3.org/2000/svg" viewBox=${`0 0 ${l.width} ${l.height}`} width=${l.width} height=${l.height} style=${`width: ${(l.width / 15).toFixed(2)}em`} role="img" aria-label=${summary}>
          <title>${summary}</title>
          <style>${SVG_STYLE}</style>
          <rect class="bg" x="0" y="0" width=${l.width} height=${l.height}></rect>
          ${l.lanes.map(
            (lane) => svg`<g class="head" data-lane=${lane.id}>
              <line class="life" x1=${lane.x} y1="44" x2=${lane.x} y2=${l.height - 8}></line>
              <rect x=${lane.x - HEAD_WIDTH / 2} y="6" width=${HEAD_WIDTH} height="38" rx="5"></rect>
              <text x=${lane.x} y="22" text-anchor="middle" class="key">${lane.label}</text>
              <text x=${lane.x} y="37" text-anchor="middle" class="detail">${lane.detail}</text>
            </g>`,
          )}
          ${l.arrows.map((a) => this._arrow(a))}
          ${l.stop
            ? svg`<g class="stop"><rect x=${l.stop.x} y=${l.stop.y} width=${l.stop.width} height=${l.stop.height} rx="5"></rect>${this._text(l.stop.lines, l.stop.x + 8, l.stop.y + LINE + 1 + (l.stop.lines.length - 1) * LINE)}</g>`
            : nothing}
        </svg>
      </div>
      </div>
      <figcaption><span class="muted">${l.title}</span><button @click=${() => this._export()}>${msg('Export SVG', { id: 'sequence.export' })}</button></figcaption>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-sequence': CorsLabSequence;
  }
}
