/**
 * A learner's progress through the course, kept in this browser
 * (localStorage): per experiment whether it was predicted and whether the
 * prediction was right, per lesson whether the fix-it was solved. Storage is
 * the learner's to edit or break: whatever it holds is read entry by entry,
 * and what does not fit the shape is dropped, never trusted and never fatal.
 */
export const PROGRESS_KEY = 'cors-lab:lessons';

export interface ExperimentProgress {
  /** Every question of the prediction was right. */
  right: boolean;
}

export interface LessonProgress {
  /** Predicted and run, by experiment id. */
  experiments: Record<string, ExperimentProgress>;
  fixed: boolean;
}

/** By lesson id. Lesson ids are the same in every language, so progress is too. */
export type Progress = Record<string, LessonProgress>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lessonProgress(value: unknown): LessonProgress | null {
  if (!isRecord(value)) return null;
  const experiments: Record<string, ExperimentProgress> = {};
  if (isRecord(value.experiments)) {
    for (const [id, entry] of Object.entries(value.experiments)) {
      if (isRecord(entry) && typeof entry.right === 'boolean') experiments[id] = { right: entry.right };
    }
  }
  return { experiments, fixed: value.fixed === true };
}

/** Progress from stored text; anything unreadable counts as no progress. */
export function parseProgress(text: string | null): Progress {
  if (text === null) return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {};
  }
  if (!isRecord(data)) return {};
  const progress: Progress = {};
  for (const [id, value] of Object.entries(data)) {
    const lesson = lessonProgress(value);
    if (lesson) progress[id] = lesson;
  }
  return progress;
}

export function loadProgress(): Progress {
  try {
    return parseProgress(localStorage.getItem(PROGRESS_KEY));
  } catch {
    return {}; // storage disabled: progress lasts this visit only
  }
}

function save(progress: Progress): void {
  try {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // storage disabled or full: progress is not remembered
  }
  // Other elements on the page (the lessons nav) show it.
  window.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
}

/** Fired on window whenever progress is saved. */
export const PROGRESS_EVENT = 'cors-lab:progress';

/** Pure: progress with one experiment's prediction recorded. */
export function withPrediction(progress: Progress, lessonId: string, experimentId: string, right: boolean): Progress {
  const lesson = progress[lessonId] ?? { experiments: {}, fixed: false };
  return { ...progress, [lessonId]: { ...lesson, experiments: { ...lesson.experiments, [experimentId]: { right } } } };
}

/** Pure: progress with a lesson's fix-it solved. */
export function withFixSolved(progress: Progress, lessonId: string): Progress {
  const lesson = progress[lessonId] ?? { experiments: {}, fixed: false };
  return { ...progress, [lessonId]: { ...lesson, fixed: true } };
}

export function recordPrediction(lessonId: string, experimentId: string, right: boolean): void {
  save(withPrediction(loadProgress(), lessonId, experimentId, right));
}

export function recordFixSolved(lessonId: string): void {
  save(withFixSolved(loadProgress(), lessonId));
}
