/**
 * The engines an experiment can run in (format 1.2 `engines`, `cors-lab run --browser`): a fact of the
 * format, so the schema reads it here, below the drivers (engines/engine.ts re-exports it).
 */
export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
export type EngineName = (typeof ENGINES)[number];
