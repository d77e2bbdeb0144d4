import { LitElement, css, html, nothing } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { customElement, property } from 'lit/decorators.js';
import type { LabOrigin, OriginName, OriginRole } from '../../servers/origins.ts';
import { baseStyles } from './theme.ts';

/** Which origins share a site, from the one origins table: groups of two or more. */
export function sameSiteGroups(origins: readonly LabOrigin[]): Array<{ site: string; names: string[] }> {
  const bySite = new Map<string, string[]>();
  for (const o of origins) bySite.set(o.site, [...(bySite.get(o.site) ?? []), o.name]);
  return [...bySite].filter(([, names]) => names.length > 1).map(([site, names]) => ({ site, names }));
}

const ROLES: Record<OriginRole, () => string> = {
  page: () => msg('page', { id: 'origins.role.page' }),
  api: () => msg('api', { id: 'origins.role.api' }),
  partner: () => msg('partner', { id: 'origins.role.partner' }),
  attacker: () => msg('attacker', { id: 'origins.role.attacker' }),
  public: () => msg('public', { id: 'origins.role.public' }),
};

/** The origins table's `about` of each origin (servers/origins.ts), in the page's language; a test holds the English to the table. */
const ABOUT: Record<OriginName, () => string> = {
  app: () => msg('the page: the playground runs here', { id: 'origins.about.app' }),
  api: () => msg('an API on the same site as app, another port: cross-origin', { id: 'origins.about.api' }),
  api2: () => msg('a second API on the same site, for redirects between origins', { id: 'origins.about.api2' }),
  partner: () => msg('a partner on another site', { id: 'origins.about.partner' }),
  evil: () => msg('the attacker, on another site', { id: 'origins.about.evil' }),
  public: () => msg('a page "on the public internet" for Local Network Access (public only in the headless runner)', { id: 'origins.about.public' }),
};

export const originRole = (o: Pick<LabOrigin, 'role'>): string => ROLES[o.role]();
export const originAbout = (o: Pick<LabOrigin, 'name'>): string => ABOUT[o.name]();

/** The legend of the lab's origins: URL, site, role, and which are same-site. */
@localized()
@customElement('cors-lab-origins')
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
