/** Entry of the playground client: the language first, so the first paint is already translated. */
import { currentLanguage, startLanguage } from './i18n/localize.ts';
import { loadLesson } from './lessons/course.ts';
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
  // The presenter window of a lesson (`?presenter=<id>`) instead of the playground.
  const [lesson] = await Promise.all([
    loadLesson(currentLanguage(), presenting),
    import('./presenter/cors-lab-presenter.ts'),
  ]);
  const presenter = document.createElement('cors-lab-presenter');
  presenter.lessonId = presenting;
  presenter.lesson = lesson;
  document.querySelector('cors-lab-app')?.replaceWith(presenter);
}
