import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ORIGINS, type LabOrigin } from '../../servers/origins.ts';
import { baseStyles } from './theme.ts';

/** Which origins share a site, from the one origins table: groups of two or more. */
export function sameSiteGroups(origins: readonly LabOrigin[]): Array<{ site: string; names: string[] }> {
  const bySite = new Map<string, string[]>();
  for (const o of origins) bySite.set(o.site, [...(bySite.get(o.site) ?? []), o.name]);
  return [...bySite].filter(([, names]) => names.length > 1).map(([site, names]) => ({ site, names }));
}

/** The legend of the lab's origins: URL, site, role, and which are same-site. */
@customElement('cors-lab-origins')
export class CorsLabOrigins extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      .scroll { max-width: 100%; overflow-x: auto; }
      table { border-collapse: collapse; }
      th, td { text-align: left; padding: 0.15em 0.6em 0.15em 0; vertical-align: top; border-bottom: 1px solid var(--cl-border); }
      td.about { min-width: 12em; }
    `,
  ];

  /** The running lab's origins (`/__lab/origins`). */
  @property({ attribute: false }) origins: readonly LabOrigin[] = [];

  override render() {
    if (this.origins.length === 0) return nothing;
    const groups = sameSiteGroups(this.origins);
    return html`<div class="scroll" tabindex="0" role="region" aria-label="Origins table">
        <table>
          <thead><tr><th scope="col">name</th><th scope="col">URL</th><th scope="col">site</th><th scope="col">role</th><th scope="col">what it is</th></tr></thead>
          <tbody>
            ${this.origins.map(
              (o) => html`<tr data-origin=${o.name}>
                <th scope="row"><code>${o.name}</code></th><td><code>${o.url}</code></td><td><code>${o.site}</code></td><td>${o.role}</td>
                <td class="about">${ORIGINS.find((spec) => spec.name === o.name)?.about ?? ''}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p data-testid="same-site">
        ${groups.map((g) => html`Same site (<code>${g.site}</code>): ${g.names.map((n, i) => html`${i ? ', ' : ''}<code>${n}</code>`)}: cross-origin to each other, but cookies with SameSite=Lax or Strict still go along. `)}
        Every other pair is cross-site.
      </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-origins': CorsLabOrigins;
  }
}
