/**
 * The running lab for elements that run experiments outside the
 * playground's own panel (lessons): its origins and one set of runner
 * frames, fetched once per page and shared.
 */
import { originMap, type LabOrigin, type OriginMap } from '../../plan/origins.ts';
import { ORIGINS_PATH } from '../../plan/routes.ts';
import { RunnerFrames } from './runner-frames.ts';

export interface LabConnection {
  list: LabOrigin[];
  origins: OriginMap;
  frames: RunnerFrames;
}

let connection: Promise<LabConnection> | undefined;

export function connectLab(): Promise<LabConnection> {
  connection ??= (async () => {
    const res = await fetch(ORIGINS_PATH);
    if (!res.ok) throw new Error(`${ORIGINS_PATH} answered ${res.status}`);
    const list = (await res.json()) as LabOrigin[];
    const origins = originMap(list);
    return { list, origins, frames: new RunnerFrames(origins) };
  })();
  // A failed attempt is forgotten, so the next run tries again.
  connection.catch(() => (connection = undefined));
  return connection;
}
