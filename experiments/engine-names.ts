/**
 * The engines an experiment can run in (format 1.2 "Engines"): vocabulary of the format, below the
 * drivers that run them (engines/engine.ts re-exports it).
 */
export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
export type EngineName = (typeof ENGINES)[number];
