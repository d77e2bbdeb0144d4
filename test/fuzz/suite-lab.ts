/**
 * For Vitest suites that talk to the origins over raw sockets: one lab
 * without the client, started before the suite's tests and closed after.
 * `port` is the `api` origin's, found by name rather than by position.
 */
import { afterAll, beforeAll } from 'vitest';
import { startLab, type Lab } from '../../servers/lab.ts';

export interface SuiteLab {
  readonly lab: Lab;
  readonly port: number;
}

export function suiteLab(): SuiteLab {
  let started: Lab | undefined;
  beforeAll(async () => {
    started = await startLab({ clientDir: null });
  });
  afterAll(() => started?.close());
  const lab = (): Lab => {
    if (!started) throw new Error('the suite lab is used before its beforeAll ran');
    return started;
  };
  return {
    get lab() {
      return lab();
    },
    get port() {
      const api = lab().bound.find((b) => b.name === 'api');
      if (!api) throw new Error('the lab has no api origin');
      return api.port;
    },
  };
}
