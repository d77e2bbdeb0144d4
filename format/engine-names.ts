/**
 * The engines an experiment can run in (format 1.2 "Engines"). Here, below the format (schema.ts reads it), so the
 * format does not import the engines' seam (engines/engine.ts re-exports these; the layers: .dependency-cruiser.mjs).
 */
export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
export type EngineName = (typeof ENGINES)[number];
