/**
 * The run's result shapes now live beside the step engine (engines/run-result.ts). probe/ still
 * imports them from here; the probe branch is being changed at the same time, so this path stays
 * until it merges.
 */
export type { Observation, Prediction } from '../engines/run-result.ts';
