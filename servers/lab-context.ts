/** What every origin of one running lab shares. */
import type { Journal } from './journal.ts';
import type { LabOrigin, OriginMap } from '../plan/origins.ts';
import type { RunIds } from './run-ids.ts';

export interface LabContext {
  origins: LabOrigin[];
  originMap: OriginMap;
  journal: Journal;
  /** Every `host:port` a request's Host may name (host-check.ts); filled once the ports are known. */
  hosts: ReadonlySet<string>;
  /** The built playground client, served by the app origin (absent: a fallback page). */
  clientDir: string | null;
  /** Issues run ids and tells them from made-up ones (run-ids.ts). */
  runIds: RunIds;
}
