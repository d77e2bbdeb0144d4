/**
 * The lesson index: each lesson's entry in the lessons list, without its narrative, predictions
 * or fix-it. The playground imports it from the build (index-plugin.ts), so listing the course
 * costs a few hundred bytes, not the lessons.
 */
import type { Lesson, LessonLanguage } from './schema.ts';

export type LessonEntry = Pick<Lesson, 'id' | 'order' | 'title' | 'minutes' | 'experiments'>;

export type LessonIndex = Record<LessonLanguage, LessonEntry[]>;
