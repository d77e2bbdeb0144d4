/** The configurations of the example API, each started once per worker. */
import { test as cors } from 'cors-lab/playwright';
import { startApi, type Api } from '../api.ts';

export const test = cors.extend<object, { right: Api; wrong: Api; reflect: Api }>({
  right: [
    async ({}, use) => {
      const api = await startApi('right');
      await use(api);
      await api.close();
    },
    { scope: 'worker' },
  ],
  wrong: [
    async ({}, use) => {
      const api = await startApi('wrong');
      await use(api);
      await api.close();
    },
    { scope: 'worker' },
  ],
  reflect: [
    async ({}, use) => {
      const api = await startApi('reflect');
      await use(api);
      await api.close();
    },
    { scope: 'worker' },
  ],
});

export { expect } from 'cors-lab/playwright';
