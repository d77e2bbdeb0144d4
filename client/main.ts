/** Entry of the playground client: the language first, so the first paint is already translated. */
import { startLanguage } from './i18n/localize.ts';

await startLanguage();
await import('./elements/cors-lab-app.ts');
