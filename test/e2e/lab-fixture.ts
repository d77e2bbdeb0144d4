/** A lab on free ports for each Playwright worker; tests get it as `lab`. */
import { test as base } from '@playwright/test';
import { startLab, type Lab } from '../../servers/lab.ts';

export const test = base.extend<object, { lab: Lab }>({
  lab: [
    async ({}, use) => {
      const lab = await startLab();
      await use(lab);
      await lab.close();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
