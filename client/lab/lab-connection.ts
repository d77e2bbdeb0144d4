/**
 * The running lab for elements that run experiments outside the
 * playground's own panel (lessons): its origins, fetched once per page and
 * shared, and one runner on them (downloaded with the first run).
 */
import { originMap, type LabOrigin, type OriginMap } from '../../plan/origins.ts';
import { ORIGINS_PATH } from '../../plan/routes.ts';
import { runOnDemand, type RunExperiment } from './run-on-demand.ts';

export interface LabConnection {
  list: LabOrigin[];
  origins: OriginMap;
  run: RunExperiment;
}

let connection: Promise<LabConnection> | undefined;

export function connectLab(): Promise<LabConnection> {
  connection ??= (async () => {
    const res = await fetch(ORIGINS_PATH);
    if (!res.ok) throw new Error(`${ORIGINS_PATH} answered ${res.status}`);
    const list = (await res.json()) as LabOrigin[];
    const origins = originMap(list);
    return { list, origins, run: runOnDemand(origins) };
  })();
  // A failed attempt is forgotten, so the next run tries again.
  connection.catch(() => (connection = undefined));
  return connection;
}
