/** What every origin of one running lab shares. */
import type { Journal } from './journal.ts';
import type { LabOrigin, OriginMap } from './origins.ts';

export interface LabContext {
  origins: LabOrigin[];
  originMap: OriginMap;
  journal: Journal;
  /** The built playground client, served by the app origin (absent: a fallback page). */
  clientDir: string | null;
}
