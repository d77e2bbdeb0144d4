import { LitElement, css, html, nothing } from 'lit';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { customElement, state } from 'lit/decorators.js';
import { catalogIndex, type CatalogEntry } from '../../experiments/catalog/catalog-index.ts';
import { pageOf } from '../../format/format-defaults.ts';
import type { Experiment } from '../../format/schema.ts';
import { ExperimentError } from '../../format/experiment-error.ts';
import { experimentUrl } from '../../experiments/model/predict.ts';
import { originMap, type LabOrigin, type OriginMap } from '../../plan/origins.ts';
import { ORIGINS_PATH } from '../../plan/routes.ts';
import type { BrowserRun } from '../lab/run-in-browser.ts';
import { runOnDemand } from '../lab/run-on-demand.ts';
import {
  catalogPlansFailedText, downloadedCatalogExperiment, isCatalogExperiment, loadCatalogExperiments,
} from '../lab/catalog-plans.ts';
import { openingExperiment } from './opening-experiment.ts';
import { experimentFromHash, experimentHash, linkProblemText } from '../share/experiment-link.ts';
import { curlPair, fetchSnippet } from '../share/snippets.ts';
import { expandShortUrls } from '../lab/short-url.ts';
import { lessonIdFrom, unknownLanguageFrom } from '../lessons/lesson-link.ts';
import { LANGUAGES } from '../../format/i18n/languages.ts';
import { isProjected } from '../presenter/presenter-urls.ts';
import '../presenter/cors-lab-present-link.ts';
import './cors-lab-lesson-nav.ts';
import './cors-lab-language.ts';
import type { CorsLabLog, RunSummary } from './cors-lab-log.ts';
// The lesson's elements (a lesson page, the origins table with them) or the playground's (catalog, prediction,
// log...) come with main.ts; the playground's origins table when its section is first opened.
import { urlsAround, withShortUrls } from './cors-lab-url.ts';
import { STORED_THEME, baseStyles, pagePalette, rememberedTheme, type Theme } from './theme.ts';
import { titleIn } from '../../experiments/catalog/prose-in.ts';
import { currentLanguage } from '../i18n/localize.ts';
import { lessonEntries } from '../lessons/course.ts';

/** What a copy button copied, for the "Copied …" status. */
type Copied = 'link' | 'fetch' | 'curl';
const CONCURRENCY = 4;
/** Where the theme and presenter mode are remembered between visits. */
const STORED = { theme: STORED_THEME, presenter: 'cors-lab:presenter' } as const;
const catalogIds = catalogIndex.map((e) => e.id);
/** This page is the projected window of a presenter (`?lesson=<id>&present`). */
const PROJECTED = isProjected(location.search) && lessonIdFrom(location.search) !== null;

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage disabled: fall back to the defaults
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage disabled or full: the setting just is not remembered
  }
}
const blank = () => ({ id: 'custom-new', title: msg('New experiment', { id: 'app.new-experiment' }), group: 'custom', request: { target: 'api' } });

const COPIED: Record<Copied, () => string> = {
  link: () => msg('Copied link.', { id: 'app.copied-link' }),
  fetch: () => msg('Copied fetch().', { id: 'app.copied-fetch' }),
  curl: () => msg('Copied curl.', { id: 'app.copied-curl' }),
};

/** The playground: catalog, editor with a live prediction, runs in this browser, and the log. */
@customElement('cors-lab-app')
// Below @customElement: applied first, so an element already in the page when it is defined (the app) is localized too.
@localized()
export class CorsLabApp extends LitElement {
  static override styles = [
    baseStyles,
    pagePalette,
    css`
      :host([presenter]) { --cl-font-size: clamp(17px, 4.3vw, 24px); --cl-muted: var(--cl-fg); --cl-border: var(--cl-fg); }
      .skip { position: absolute; left: 0.5em; top: -3em; background: var(--cl-bg); padding: 0.3em 0.6em; border: 2px solid var(--cl-accent); z-index: 1; }
      .skip:focus { top: 0.5em; }
      a { color: var(--cl-accent); }
      /* A toggle shows its state by more than colour: a check mark and a frame. */
      header button[aria-pressed='true'] { background: var(--cl-selected-bg); border: 2px solid var(--cl-accent); font-weight: 600; }
      header button[aria-pressed='true']::before { content: '✓ '; }
      header { display: flex; flex-wrap: wrap; gap: 0.6em 1em; align-items: center; padding: 0.5em 1em; border-bottom: 1px solid var(--cl-border); }
      h1 { font-size: 1.3em; margin: 0; }
      main { display: grid; grid-template-columns: minmax(14em, 20em) minmax(0, 1fr); gap: 1em; padding: 1em; }
      main > * { min-width: 0; }
      h2:focus { outline: none; }
      .share-link { overflow-wrap: anywhere; }
      :host([presenter]) nav { font-size: 0.7em; }
      /* On the projector the lesson takes the whole width: the lessons list is the presenter's to use. */
      :host([projected]) main { display: block; }
      :host([projected]) .side { display: none; }
      nav { max-height: calc(100vh - 5em); overflow: auto; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.5em; margin: 0.6em 0; }
      h2 { font-size: 1.15em; }
      [role='alert'] { color: var(--cl-blocked); }
      @media (max-width: 900px) { main { grid-template-columns: 1fr; } nav { max-height: 45vh; border-bottom: 2px solid var(--cl-border); } }
      .side { display: flex; flex-direction: column; gap: 1em; }
      .lang-notice, .page-alert { margin: 0.5em 1em; }
      /* On a phone a learner opening a lesson link wants the lesson, not 13 links above it: the list moves below. */
      @media (max-width: 900px) { main.lesson .side { order: 2; } }
      /* A printed lesson is the lesson alone. */
      @media print { header, .skip, .side { display: none; } main { display: block; padding: 0; } }
    `,
  ];

  static override properties = {
    presenter: { type: Boolean, reflect: true },
    projected: { type: Boolean, reflect: true },
    theme: { reflect: true },
  };

  /** Large type and high contrast for a projector (remembered; always on in a projected window). */
  presenter = PROJECTED || stored(STORED.presenter) === 'true';
  /** The projected window of a presenter: the lesson alone, kept on the presenter's step. */
  projected = PROJECTED;
  /** Remembered; the system's preference on a first visit. */
  theme: Theme = rememberedTheme();

  /**
   * The running lab's origins, and a runner on them (its code and frames come with the first run:
   * client/lab/run-on-demand.ts). The runner pages
   * obey only the app origin as the table spells it (http://localhost:PORT),
   * and the sites of the experiments depend on it too (127.0.0.1 is the
   * partner's site): a page opened at another address the app answers on
   * moves to the canonical URL, hash and all, before anything runs.
   */
  private _lab = new Task(this, {
    task: async (_args: [], { signal }) => {
      const res = await fetch(ORIGINS_PATH, { signal });
      if (!res.ok) throw new Error(msg(str`/__lab/origins answered ${res.status}`, { id: 'app.origins-status' }));
      const list = (await res.json()) as LabOrigin[];
      const origins = originMap(list);
      if (location.origin !== origins.app) {
        this._moving = origins.app;
        location.replace(`${origins.app}${location.pathname}${location.search}${location.hash}`);
        return new Promise<never>(() => undefined);
      }
      return { list, origins, run: runOnDemand(origins) };
    },
    args: () => [] as [],
  });
  @state() private _moving = '';
  @state() private _summary?: RunSummary;
  /**
   * The experiment shown: the first catalog experiment, which comes with the first load
   * (opening-experiment.ts); none while the experiment of the address is checked, so the page
   * never shows another one first.
   */
  @state() private _experiment?: Experiment =
    'experiment' in openingExperiment ? openingExperiment.experiment : undefined;
  /** The catalog experiment asked for (in the list) whose group's plans are downloading. */
  @state() private _opening?: CatalogEntry;
  @state() private _runs: BrowserRun[] = [];
  @state() private _running = 0;
  @state() private _error = '';
  @state() private _copied?: Copied;
  @state() private _copyFailed = false;
  /** The lesson this page shows (`?lesson=<id>`) instead of the experiment panel; null for the playground. */
  private _lessonId = lessonIdFrom(location.search);
  /** A `?lang=` the lab does not have is said, not silently replaced (a lesson page says it in the lesson). */
  private _askedLanguage = this._lessonId ? null : unknownLanguageFrom(location.search);
  /**
   * A catalog group's plans did not download (the page's opening group, or one asked for since): said, naming the
   * group (catalog-plans.ts), until an experiment is shown again.
   */
  @state() private _plansFailed =
    'failed' in openingExperiment ? catalogPlansFailedText(openingExperiment.failed) : '';
  /** The projected window's hook (`?lesson=<id>&present`), downloaded only there (issue 16: the first load). */
  #projection?: Promise<void>;

  private get _origins(): OriginMap | undefined {
    return this._lab.value?.origins;
  }

  /** A copy of page text holds every short URL in full. */
  #onCopy = (event: ClipboardEvent): void => {
    const text = document.getSelection()?.toString() ?? '';
    const full = expandShortUrls(text, urlsAround(event));
    if (!event.clipboardData || full === text) return;
    event.clipboardData.setData('text/plain', full);
    event.preventDefault();
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('copy', this.#onCopy);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('copy', this.#onCopy);
    if (this._lessonId && !this.querySelector('#lesson')) this.append(this.#lessonView(this._lessonId));
    const lessonId = this._lessonId;
    if (PROJECTED && lessonId && !this.#projection) {
      this.#projection = import('../presenter/projected-lesson.ts').then(({ ProjectedLessonController }) => {
        new ProjectedLessonController(this, lessonId);
        this.requestUpdate(); // its hostUpdated finds the lesson view
      });
    }
    void this.#openLinked();
  }

  /**
   * The experiment of a shared link, checked (the schema downloads for it) before it is shown, its catalog
   * group's plans downloaded meanwhile (opening-experiment.ts), so its "Why" shows with it. A broken link is
   * said, and the first catalog experiment (from the first load) shown instead, the address left as it was.
   */
  async #openLinked(): Promise<void> {
    if (this._lessonId) return;
    const shown = this._experiment;
    try {
      const linked = await experimentFromHash(location.hash);
      // Unless the reader already chose another experiment while the check downloaded.
      if (linked && this._experiment === shown) {
        await loadCatalogExperiments([linked.id]);
        if (this._experiment === shown) {
          this._experiment = linked;
          // The opening group's failed download (if any) is behind us: the linked experiment's plans are here.
          this._plansFailed = '';
        }
      }
    } catch (error) {
      // Said for good: the first experiment shows instead, and the reader should know why.
      const lang = currentLanguage();
      this._error = error instanceof ExperimentError ? linkProblemText(error, lang) : catalogPlansFailedText(error);
      this._plansFailed = '';
    }
    if (!this._experiment && !this._opening) this._experiment = downloadedCatalogExperiment(catalogIndex[0]?.id ?? '');
  }

  /** A blank experiment to edit, through the same check as any other (the schema downloads with the first). */
  async #newExperiment(): Promise<void> {
    const { validateExperiments } = await import('../../format/validate.ts');
    this._select(validateExperiments(blank(), 'new')[0] as Experiment);
  }

  /**
   * The lesson lives in the page's own tree (slotted in), not in this
   * element's shadow root: the skip link's `#lesson` then names an element
   * of the document, as a fragment must for assistive technology and checkers
   * that resolve it with getElementById (axe-core's skip-link rule).
   */
  #lessonView(lessonId: string): HTMLElement {
    const view = document.createElement('cors-lab-lesson');
    view.id = 'lesson';
    view.slot = 'lesson';
    view.setAttribute('lesson-id', lessonId);
    return view;
  }

  /**
   * The check of a stale Expect (cors-lab-expect-check.ts) for an edited or loaded experiment. A catalog entry as it
   * stands says what the model predicts (client/lab/stale-expect.test.ts checks each one), so it shows none, and the
   * element downloads with the first other experiment, not with the playground (issue 16: the first load).
   */
  #expectCheck(e: Experiment, origins: OriginMap | undefined) {
    if (isCatalogExperiment(e)) return nothing;
    void import('./cors-lab-expect-check.ts');
    const update = (ev: CustomEvent<{ experiment: Experiment }>): void => this._select(ev.detail.experiment);
    return html`<cors-lab-expect-check .experiment=${e} .origins=${origins} @experiment-change=${update}>
      </cors-lab-expect-check>`;
  }

  private _select(experiment: Experiment): void {
    this._opening = undefined;
    this._plansFailed = '';
    this._experiment = experiment;
    history.replaceState(null, '', experimentHash(experiment));
  }

  /**
   * A catalog experiment chosen in the list: shown at once when its group is here, else once its plans
   * downloaded (the status says so meanwhile; the experiment shown stays until then). Only the last one
   * asked for is shown; a failed download is said, naming the group.
   */
  private async _open(entry: CatalogEntry): Promise<void> {
    const here = downloadedCatalogExperiment(entry.id);
    if (here) return this._select(here);
    this._opening = entry;
    try {
      const [experiment] = await loadCatalogExperiments([entry.id]);
      if (this._opening === entry && experiment) this._select(experiment);
    } catch (error) {
      if (this._opening !== entry) return;
      this._opening = undefined;
      this._plansFailed = catalogPlansFailedText(error);
      // Chosen while a link was still being checked, nothing is shown yet: the first experiment, never a blank panel.
      this._experiment ??= downloadedCatalogExperiment(catalogIndex[0]?.id ?? '');
    }
  }

  /**
   * "Run this experiment": the one shown, or, while the one chosen in the list downloads (the status says so, the
   * panel still shows the one before), the chosen one once it is here: the learner asked for what they chose, not
   * for what the panel held a moment longer. Nothing runs if its download fails (that is said) or the learner has
   * chosen yet another meanwhile.
   */
  async #runShown(shown: Experiment): Promise<void> {
    const opening = this._opening;
    if (!opening) return this._run([shown]);
    const [chosen] = await loadCatalogExperiments([opening.id]).catch(() => []);
    if (!chosen) return;
    // Shown here if _open, waiting on the same download, has not shown it yet; unless another was chosen since.
    if (this._opening === opening) this._select(chosen);
    if (this._experiment === chosen) await this._run([chosen]);
  }

  /** Runs catalog experiments chosen in the list (a group, every match): their groups' plans downloaded first. */
  private async _runEntries(entries: readonly CatalogEntry[]): Promise<void> {
    let experiments: Experiment[];
    try {
      experiments = await loadCatalogExperiments(entries.map((e) => e.id));
    } catch (error) {
      this._plansFailed = catalogPlansFailedText(error);
      return;
    }
    this._plansFailed = '';
    await this._run(experiments);
  }

  /** Runs a batch; one experiment's row is brought into view, a batch ends with a summary. */
  private async _run(experiments: readonly Experiment[]): Promise<void> {
    const lab = this._lab.value;
    if (!lab) return;
    const queue = [...experiments];
    const batch: BrowserRun[] = [];
    this._running += queue.length;
    if (experiments.length > 1) this._summary = undefined;
    // The log came with the playground's elements (playground-elements.ts); its rows' own code comes now.
    const rowCode = import('./cors-lab-log.ts').then((log) => log.loadRowCode());
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        try {
          const [run] = await Promise.all([lab.run(next), rowCode]);
          batch.push(run);
          this._runs = [run, ...this._runs];
        } catch (error) {
          // The runner's code or the rows' code did not download (the lab stopped): said, and no verdict.
          const id = next.id;
          this._error = msg(str`Could not download the code that runs ${id}: ${String(error)}`, {
            id: 'app.run-download-failed',
          });
        } finally {
          this._running--;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
    // The log came with the playground's elements (playground-elements.ts): this import downloads nothing.
    if (experiments.length > 1) this._summary = (await import('./cors-lab-log.ts')).summarize(batch);
    else if (batch[0]) await this.renderRoot.querySelector<CorsLabLog>('cors-lab-log')?.reveal(batch[0].run);
  }

  private _toggle(setting: 'presenter' | 'theme'): void {
    if (setting === 'presenter') {
      this.presenter = !this.presenter;
      store(STORED.presenter, String(this.presenter));
    } else {
      this.theme = this.theme === 'dark' ? 'light' : 'dark';
      store(STORED.theme, this.theme);
    }
  }

  /** After the start panel: the learner goes on at the experiment, focus and all. */
  private _toExperiment(): void {
    const heading = this.renderRoot.querySelector<HTMLElement>('#experiment');
    heading?.scrollIntoView({ block: 'start', behavior: 'instant' });
    heading?.focus({ preventScroll: true });
  }

  private _skip(event: Event): void {
    event.preventDefault();
    if (!this._lessonId) {
      this.renderRoot.querySelector<HTMLElement>('#experiment')?.focus();
      return;
    }
    // The lesson element moves focus on to its own heading; its module may still be downloading, and an element not
    // yet defined is a plain one that focus() ignores.
    // Unless the learner has moved focus on meanwhile. Compared with where focus was at the click, not with the link:
    // Safari does not focus a clicked link.
    const before = document.activeElement;
    void customElements.whenDefined('cors-lab-lesson').then(() => {
      if (document.activeElement === before) this.querySelector<HTMLElement>('#lesson')?.focus();
    });
  }

  /**
   * The Clipboard API exists only in a secure context (https, localhost): an
   * attendee of a class lab on http://192.168.x.y has none, and a browser may
   * refuse the write. Either way the learner is told, never left believing it copied.
   * https://w3c.github.io/clipboard-apis/#navigator-clipboard
   */
  private async _copy(label: Copied, text: string): Promise<void> {
    const copied = navigator.clipboard ? await navigator.clipboard.writeText(text).then(() => true, () => false) : false;
    this._copied = copied ? label : undefined;
    this._copyFailed = !copied;
  }

  /** The file `cors-lab run` reads: the lab's origins as tokens, since the CLI's lab runs on other ports. */
  private async _download(): Promise<void> {
    const origins = this._origins;
    const shown = this._experiment;
    if (!shown) return;
    // Came with the playground's elements (the Expect check uses it): a lesson page's first load does without it.
    const [{ portFreeExperiment }, { withCatalogExplain }] = await Promise.all([
      import('../share/port-free.ts'),
      import('../lab/catalog-explain.ts'),
    ]);
    // The file carries the catalog's explain, as the catalog's own file does: the page's catalog has none (issue 16).
    let written: Experiment;
    try {
      written = await withCatalogExplain(shown);
    } catch {
      this._error = msg('Could not download the explanation to write into the file: try "Download JSON" again.', { id: 'app.download-failed' });
      return;
    }
    const experiment = origins ? portFreeExperiment(written, origins) : written;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([`${JSON.stringify([experiment], null, 2)}\n`], { type: 'application/json' }));
    a.download = `${shown.id}.json`;
    a.click();
    URL.revokeObjectURL(a.href);
  }

  /** The tab's title follows the language (index.html holds the English one for the first paint) and names the lesson, for tabs, history and screen readers. */
  override updated(): void {
    const id = this._lessonId;
    const lesson = id === null ? undefined : lessonEntries(currentLanguage()).find((l) => l.id === id);
    document.title = lesson ? msg(str`${lesson.title} · cors-lab lessons`, { id: 'app.title.lesson' }) : msg('cors-lab: the CORS playground', { id: 'app.title' });
  }

  private get _status(): string {
    if (this._moving) return msg(str`opening ${this._moving}…`, { id: 'app.status-opening' });
    const opening = this._opening?.id;
    if (opening) return msg(str`downloading ${opening}…`, { id: 'app.status-downloading' });
    if (this._running) return msg(str`running ${this._running}…`, { id: 'app.status-running' });
    return this._origins ? msg('ready', { id: 'app.status-ready' }) : msg('connecting…', { id: 'app.status-connecting' });
  }

  override render() {
    const e = this._experiment;
    // The query keeps the language (?lang=), so a shared link opens in the one it was shared in.
    const link = e ? `${location.origin}${location.pathname}${location.search}${experimentHash(e)}` : '';
    return html`
      <header>
        <!-- Inside the banner: all content sits in a landmark; it targets an element of this page. -->
        <a class="skip" href=${this._lessonId ? '#lesson' : '#experiment'} @click=${(ev: Event) => this._skip(ev)}>${this._lessonId ? msg('Skip to the lesson', { id: 'app.skip-lesson' }) : msg('Skip to the experiment', { id: 'app.skip' })}</a>
        <h1>cors-lab</h1>
        <span class="muted" role="status" aria-label=${msg('lab status', { id: 'app.status-label' })}>${this._status}</span>
        <button aria-pressed=${this.presenter ? 'true' : 'false'} @click=${() => this._toggle('presenter')}>${msg('Presenter mode', { id: 'app.presenter' })}</button>
        <button aria-pressed=${this.theme === 'dark' ? 'true' : 'false'} @click=${() => this._toggle('theme')}>${msg('Dark theme', { id: 'app.dark' })}</button>
        <cors-lab-language></cors-lab-language>
        ${this._lessonId && !this.projected ? html`<cors-lab-present-link lesson-id=${this._lessonId}></cors-lab-present-link>` : nothing}
      </header>
      ${this._plansFailed ? html`<p class="page-alert" role="alert">${this._plansFailed}</p>` : ''}
      ${this._error ? html`<p class="page-alert" role="alert">${this._error}</p>` : ''}
      ${this._askedLanguage === null ? '' : html`<p class="lang-notice" role="status">${msg(str`?lang=${this._askedLanguage} is not a language of this lab; it has ${LANGUAGES.join(', ')}. Choose one in the Language menu.`, { id: 'app.unknownLanguage' })}</p>`}
      ${this._lab.error ? html`<p role="alert">${msg(str`Could not reach the lab: ${String(this._lab.error)}`, { id: 'app.unreachable' })}</p>` : ''}
      <main class=${this._lessonId ? 'lesson' : 'playground'}>
        <div class="side">
        <cors-lab-lesson-nav .currentId=${this._lessonId}></cors-lab-lesson-nav>
        ${this._lessonId ? nothing : html`<nav aria-label=${msg('Catalog', { id: 'app.catalog' })}>
          <cors-lab-catalog .experiments=${catalogIndex} .selectedId=${e?.id ?? ''}
            @experiment-select=${(ev: CustomEvent<{ experiment: CatalogEntry }>) =>
              void this._open(ev.detail.experiment)}
            @run-experiments=${(ev: CustomEvent<{ experiments: CatalogEntry[] }>) =>
              void this._runEntries(ev.detail.experiments)}></cors-lab-catalog>
        </nav>`}
        </div>
        ${this._lessonId ? html`<slot name="lesson"></slot>` : html`<div>
          <cors-lab-start .experiments=${catalogIndex.length} @start-playground=${() => this._toExperiment()}
            @start-dismiss=${() => this._toExperiment()}></cors-lab-start>
          ${e ? this.#experimentView(e, link) : this.#pendingView()}
          <h2>${msg('Log', { id: 'app.log' })}</h2>
          <cors-lab-log .runs=${this._runs} .catalogIds=${catalogIds} .origins=${this._lab.value?.list ?? []}
            .summary=${this._summary}
            @log-clear=${() => ((this._runs = []), (this._summary = undefined))}></cors-lab-log>
        </div>`}
      </main>
    `;
  }

  /** Before the experiment of the address shows (checked, its group here): what is happening, or what failed. */
  #pendingView() {
    const opening = msg('Opening the experiment of this address…', { id: 'app.opening-link' });
    return html`<h2 id="experiment" class="experiment-title" tabindex="-1">
        ${msg('Experiment', { id: 'app.experiment-pending' })}</h2>
      ${this._plansFailed || this._error ? nothing : html`<p class="muted" role="status">${opening}</p>`}`;
  }

  /** The experiment shown: its title, actions, prediction, editor and share. */
  #experimentView(e: Experiment, link: string) {
    const origins = this._origins;
    const page = pageOf(e);
    const url = origins ? experimentUrl(e, origins, 'shared') : '';
    return html`<h2 id="experiment" class="experiment-title" tabindex="-1">${titleIn(e, currentLanguage())}</h2>
          <div class="actions">
            <button @click=${() => void this.#runShown(e)} ?disabled=${!origins}>
              ${msg('Run this experiment', { id: 'app.run' })}</button>
            <button @click=${() => void this.#newExperiment()}>${msg('New experiment', { id: 'app.new-experiment' })}</button>
            <button @click=${() => void this._copy('link', link)}>${msg('Copy link', { id: 'app.copy-link' })}</button>
            <button @click=${() => void this._copy('fetch', fetchSnippet(e, url))}>${msg('Copy fetch()', { id: 'app.copy-fetch' })}</button>
            <button @click=${() => void this._copy('curl', curlPair(e, url, page === 'null' || !origins ? 'null' : origins[page]))}>${msg('Copy curl', { id: 'app.copy-curl' })}</button>
            <button @click=${() => void this._download()}>${msg('Download JSON', { id: 'app.download' })}</button>
            ${this._copied ? html`<span role="status">${COPIED[this._copied]()}</span>` : ''}
            ${this._copyFailed ? html`<span role="alert">${msg('This page cannot reach the clipboard (it is not a secure context, or the browser refused): select the text under "Share" and copy it.', { id: 'app.copy-failed' })}</span>` : ''}
          </div>
          ${this.#expectCheck(e, origins)}
          <cors-lab-prediction .experiment=${e} .origins=${origins} @fix-apply=${(ev: CustomEvent<{ experiment: Experiment }>) => (this._select(ev.detail.experiment), void this._run([ev.detail.experiment]))}></cors-lab-prediction>
          <!-- The editor downloads when first opened: the first paint does not show it (issue 16). -->
          <details @toggle=${() => void import('./cors-lab-editor.ts')}>
            <summary>${msg('Edit the request and the server plan', { id: 'app.edit' })}</summary>
            <cors-lab-editor .experiment=${e} @experiment-change=${(ev: CustomEvent<{ experiment: Experiment }>) => this._select(ev.detail.experiment)}></cors-lab-editor>
          </details>
          <details>
            <summary>${msg('Share', { id: 'app.share' })}</summary>
            <p class="share-link">${msg('Link:', { id: 'app.share-link' })} <a href=${link}>${msg(str`this experiment (${e.id})`, { id: 'app.share-this' })}</a>${msg('; "Copy link" copies it in full.', { id: 'app.share-copy' })}</p>
            <p class="muted">${msg('URLs are shown short (the server plan elided); the copy buttons, and any copy of the text, hold them in full.', { id: 'app.share-short' })}</p>
            <pre aria-label=${msg('fetch snippet', { id: 'app.fetch-snippet' })}>${withShortUrls(fetchSnippet(e, url))}</pre>
            <pre aria-label=${msg('curl commands', { id: 'app.curl-commands' })}>${origins ? withShortUrls(curlPair(e, url, page === 'null' ? 'null' : origins[page])) : ''}</pre>
          </details>
          <details @toggle=${() => void import('./cors-lab-origins.ts')}>
            <summary>${msg('Origins: which is which', { id: 'app.origins' })}</summary>
            <cors-lab-origins .origins=${this._lab.value?.list ?? []}></cors-lab-origins>
          </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-app': CorsLabApp;
  }
}
