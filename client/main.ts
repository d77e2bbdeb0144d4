/** Entry of the playground client: the language first, so the first paint is already translated. */
import { currentLanguage, startLanguage } from './i18n/localize.ts';
import { loadLesson } from './lessons/course.ts';
import { loadLessonWithPlans } from './lessons/lesson-plans.ts';
import { CatalogPlansError, catalogPlansFailedText } from './lab/catalog-plans.ts';
import { lessonIdFrom } from './lessons/lesson-link.ts';
import { presenterLessonOf } from './presenter/presenter-urls.ts';

await startLanguage();
const presenting = presenterLessonOf(location.search);
if (presenting === null) {
  // With the app, a lesson page's elements or the playground's, never both (issue 16: the first load).
  await Promise.all([
    import('./elements/cors-lab-app.ts'),
    lessonIdFrom(location.search)
      ? import('./elements/cors-lab-lesson.ts')
      : import('./elements/playground-elements.ts'),
  ]);
} else {
  // The presenter window of a lesson (`?presenter=<id>`) instead of the playground, with the plans of the
  // lesson's experiments (their answers); without them, when they did not download, and saying so.
  const lang = currentLanguage();
  const plansFailed = (error: unknown): string => {
    if (error instanceof CatalogPlansError) return catalogPlansFailedText(error);
    throw error;
  };
  const [shown] = await Promise.all([
    loadLessonWithPlans(lang, presenting).catch(plansFailed),
    import('./presenter/cors-lab-presenter.ts'),
  ]);
  const presenter = document.createElement('cors-lab-presenter');
  presenter.lessonId = presenting;
  if (typeof shown === 'string') {
    // The lesson itself may have come: the window shows it, its steps by id, no answers.
    presenter.lesson = await loadLesson(lang, presenting);
    presenter.plansFailed = shown;
  } else {
    presenter.lesson = shown?.lesson;
    presenter.experiments = shown?.experiments ?? [];
  }
  document.querySelector('cors-lab-app')?.replaceWith(presenter);
}
