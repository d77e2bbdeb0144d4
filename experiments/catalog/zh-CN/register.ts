/** Makes the Chinese catalog words available to `prose-in.ts`; loaded with the zh-CN messages only. */
import { registerCatalogTranslation } from '../prose-in.ts';
import { catalogZhCN } from './index.ts';
import { thenTitles } from './then-titles.ts';

registerCatalogTranslation('zh-CN', { texts: catalogZhCN, thenTitles });
