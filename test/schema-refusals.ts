/**
 * What the schema says of an experiment file, for tests of its refusals: every problem line
 * (`file: path: message`), or none when it is accepted. Anything but a refusal is thrown on.
 */
import { ExperimentError, validateExperiments } from '../format/validate.ts';

export function refusals(data: unknown, source: string): string[] {
  try {
    validateExperiments(data, source);
  } catch (error) {
    if (error instanceof ExperimentError) return error.problems;
    throw error;
  }
  return [];
}
