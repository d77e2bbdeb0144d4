import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['servers/**/*.test.ts', 'test/fuzz/**/*.test.ts', 'experiments/**/*.test.ts', 'cli/**/*.test.ts', 'runner/**/*.test.ts', 'client/**/*.test.ts', 'probe/**/*.test.ts', 'api/**/*.test.ts', 'lessons/**/*.test.ts', 'test/probes/**/*.test.ts', 'test/bench/**/*.test.ts'],
  },
});
