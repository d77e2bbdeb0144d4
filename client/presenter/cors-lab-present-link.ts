import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { lessonEntries } from '../lessons/course.ts';
import { currentLanguage } from '../i18n/localize.ts';
import { baseStyles } from '../elements/theme.ts';
import { presenterUrl } from './presenter-urls.ts';

/**
 * "Present this lesson": opens the lesson's presenter window beside the
 * page (a new window, so this page stays as it is); the presenter window
 * then opens the projected one. An unknown lesson id (a mistyped link) has
 * nothing to present: no link.
 */
@localized()
@customElement('cors-lab-present-link')
export class CorsLabPresentLink extends LitElement {
  static override styles = [baseStyles, css`:host { display: inline; } @media print { :host { display: none; } }`];

  /** The lesson to present. */
  @property({ attribute: 'lesson-id' }) lessonId = '';

  override render() {
    if (!lessonEntries(currentLanguage()).some((l) => l.id === this.lessonId)) return nothing;
    return html`<a href=${presenterUrl(this.lessonId, currentLanguage())} target="_blank">${msg('Present this lesson', { id: 'presenter.present' })}</a>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-present-link': CorsLabPresentLink;
  }
}
