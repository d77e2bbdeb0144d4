/** Entry of the playground client: the language first, so the first paint is already translated. */
import { startLanguage } from './i18n/localize.ts';
import { presenterLessonOf } from './presenter/presenter-urls.ts';

await startLanguage();
const presenting = presenterLessonOf(location.search);
if (presenting === null) {
  await import('./elements/cors-lab-app.ts');
} else {
  // The presenter window of a lesson (`?presenter=<id>`) instead of the playground.
  await import('./presenter/cors-lab-presenter.ts');
  const presenter = document.createElement('cors-lab-presenter');
  presenter.lessonId = presenting;
  document.querySelector('cors-lab-app')?.replaceWith(presenter);
}
