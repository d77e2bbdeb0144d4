import { describe, expect, it } from 'vitest';
import { roomFor, type Occupant } from './connection-room.ts';

const LIMITS = { perClient: 2, maxConnections: 4 };
const idle = (client: string): Occupant => ({ client, busy: false });
const busy = (client: string): Occupant => ({ client, busy: true });

describe('room for a new connection', () => {
  it('is free under both bounds', () => {
    expect(roomFor([], 'a', LIMITS)).toEqual({ kind: 'free' });
    expect(roomFor([busy('a'), busy('b'), busy('b')], 'a', LIMITS)).toEqual({ kind: 'free' });
  });

  it('at a client\'s own bound, takes the place of its oldest idle connection, never another client\'s', () => {
    const oldestIdle = idle('a');
    const open = [idle('b'), busy('a'), oldestIdle, idle('a')];
    expect(roomFor(open.slice(0, 3), 'a', LIMITS)).toEqual({ kind: 'take-place-of', occupant: oldestIdle });
    expect(roomFor([idle('b'), busy('a'), busy('a')], 'a', LIMITS)).toEqual({ kind: 'full' });
  });

  it('at the bound of all clients, takes the place of its own oldest idle one first, then anyone\'s', () => {
    const ownIdle = idle('a');
    const othersIdle = idle('c');
    expect(roomFor([othersIdle, busy('b'), ownIdle, busy('b')], 'a', LIMITS))
      .toEqual({ kind: 'take-place-of', occupant: ownIdle });
    expect(roomFor([busy('b'), othersIdle, busy('b'), idle('d')], 'a', LIMITS))
      .toEqual({ kind: 'take-place-of', occupant: othersIdle });
  });

  it('is refused only when every connection it could take the place of is busy', () => {
    for (const client of ['a', 'b', 'unknown']) {
      expect(roomFor([busy('a'), busy('b'), busy('c'), busy('d')], client, LIMITS)).toEqual({ kind: 'full' });
    }
  });
});
