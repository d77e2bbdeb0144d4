import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { lessonEntries } from '../lessons/course.ts';
import { currentLanguage } from '../i18n/localize.ts';
import { lessonHref } from '../lessons/lesson-link.ts';
import { PROGRESS_EVENT, PROGRESS_KEY, loadProgress, type Progress } from '../lessons/progress.ts';
import { baseStyles } from './theme.ts';

/**
 * The course: a navigation landmark "Lessons" listing every lesson of the
 * current language as a link with its own URL (so a teacher can send one),
 * and the learner's progress in each.
 */
@localized()
@customElement('cors-lab-lesson-nav')
export class CorsLabLessonNav extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      h2 { font-size: 1em; margin: 0 0 0.3em; }
      ol { margin: 0; padding-left: 1.8em; }
      li { margin: 0.15em 0; overflow-wrap: anywhere; }
      a[aria-current='page'] { font-weight: 700; }
      .progress { font-size: 0.85em; color: var(--cl-muted); white-space: nowrap; }
      @media print { :host { display: none; } }
    `,
  ];

  /** The lesson shown now, marked as the current page; null in the playground. */
  @property({ attribute: 'current-id' }) currentId: string | null = null;

  @state() private _progress: Progress = loadProgress();

  #refresh = (event: Event): void => {
    if (event instanceof StorageEvent && event.key !== PROGRESS_KEY) return;
    this._progress = loadProgress();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(PROGRESS_EVENT, this.#refresh);
    // Another tab of the same lab (the presenter's, a second learner window) saved progress.
    window.addEventListener('storage', this.#refresh);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(PROGRESS_EVENT, this.#refresh);
    window.removeEventListener('storage', this.#refresh);
  }

  override render() {
    const label = msg('Lessons', { id: 'lesson.nav' });
    return html`<nav aria-label=${label}>
      <h2>${label}</h2>
      <ol>
        ${lessonEntries(currentLanguage()).map((lesson) => {
          const done = this._progress[lesson.id];
          const predicted = Object.keys(done?.experiments ?? {}).filter((id) => lesson.experiments.includes(id)).length;
          return html`<li>
            <a href=${lessonHref(lesson.id, location.search)} aria-current=${lesson.id === this.currentId ? 'page' : 'false'}>${lesson.title}</a>
            <span class="progress" data-testid="lesson-progress">${msg(str`${predicted}/${lesson.experiments.length} predicted`, { id: 'lesson.nav.predicted' })}${done?.fixed ? html`, ${msg('fix-it ✔', { id: 'lesson.nav.fixed' })}` : nothing}</span>
          </li>`;
        })}
      </ol>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-lesson-nav': CorsLabLessonNav;
  }
}
