import { LitElement, css, html, nothing } from 'lit';
import { localized, msg } from '@lit/localize';
import { customElement, property } from 'lit/decorators.js';
import type { LabOrigin } from '../../plan/origins.ts';
import { originAbout, originRole } from '../lab/origin-words.ts';
import { baseStyles } from './theme.ts';

/** Which origins share a site, from the one origins table: groups of two or more. */
export function sameSiteGroups(origins: readonly LabOrigin[]): Array<{ site: string; names: string[] }> {
  const bySite = new Map<string, string[]>();
  for (const o of origins) bySite.set(o.site, [...(bySite.get(o.site) ?? []), o.name]);
  return [...bySite].filter(([, names]) => names.length > 1).map(([site, names]) => ({ site, names }));
}

/** The legend of the lab's origins: URL, site, role, and which are same-site. */
@customElement('cors-lab-origins')
@localized()
export class CorsLabOrigins extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      ul { list-style: none; padding: 0; margin: 0.4em 0; display: grid; gap: 0.6em; grid-template-columns: repeat(auto-fill, minmax(min(17em, 100%), 1fr)); }
      li { border: 1px solid var(--cl-border); border-radius: 6px; padding: 0.3em 0.6em; }
      dl { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 0 0.6em; margin: 0.2em 0; }
      dt { font-weight: 600; }
      dd { margin: 0; }
      p { margin: 0.2em 0; }
    `,
  ];

  /** The running lab's origins (`/__lab/origins`). */
  @property({ attribute: false }) origins: readonly LabOrigin[] = [];

  override render() {
    if (this.origins.length === 0) return nothing;
    const groups = sameSiteGroups(this.origins);
    return html`<ul aria-label=${msg('Origins', { id: 'origins.label' })}>
        ${this.origins.map(
          (o) => html`<li data-origin=${o.name}>
            <strong><code>${o.name}</code></strong>
            <dl>
              <dt>URL</dt><dd><code>${o.url}</code></dd>
              <dt>${msg('site', { id: 'origins.site' })}</dt><dd><code>${o.site}</code></dd>
              <dt>${msg('role', { id: 'origins.role' })}</dt><dd>${originRole(o)}</dd>
            </dl>
            <p class="muted">${originAbout(o)}</p>
          </li>`,
        )}
      </ul>
      <p data-testid="same-site">
        ${groups.map((g) => html`${msg('Same site', { id: 'origins.same-site' })} (<code>${g.site}</code>): ${g.names.map((n, i) => html`${i ? ', ' : ''}<code>${n}</code>`)}${msg(': cross-origin to each other, but cookies with SameSite=Lax or Strict still go along. ', { id: 'origins.same-site-cookies' })}`)}
        ${msg('Every other pair is cross-site.', { id: 'origins.cross-site' })}
      </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-origins': CorsLabOrigins;
  }
}
