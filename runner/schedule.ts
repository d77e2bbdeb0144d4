/**
 * Which experiment a runner slot takes next. A slot's page sits on one page
 * origin with one set of permissions (the key); moving it to another origin
 * is a cross-site navigation that costs a new renderer process (100-400 ms
 * measured, against ~35 ms for a whole fetch step). So a slot keeps to its
 * key, moves to a key no other slot is on when its own is done, and only
 * then joins the key with the most experiments left. Each key is then
 * visited about once, instead of once per slot.
 */
export interface Scheduled {
  index: number;
  key: string;
}

export class Schedule {
  /** Experiments left per key, in input order. */
  readonly #left = new Map<string, number[]>();
  /** The key each worker is on (absent: none yet). */
  readonly #on = new Map<number, string>();

  constructor(items: readonly Scheduled[]) {
    for (const { index, key } of items) {
      const list = this.#left.get(key);
      if (list) list.push(index);
      else this.#left.set(key, [index]);
    }
  }

  get size(): number {
    let n = 0;
    for (const list of this.#left.values()) n += list.length;
    return n;
  }

  /** The next experiment for `worker`, or null when none is left. */
  next(worker: number): Scheduled | null {
    const key = this.#pick(this.#on.get(worker));
    if (key === undefined) {
      this.#on.delete(worker);
      return null;
    }
    const list = this.#left.get(key) as number[];
    const index = list.shift() as number;
    if (list.length === 0) this.#left.delete(key);
    this.#on.set(worker, key);
    return { index, key };
  }

  #pick(current: string | undefined): string | undefined {
    if (current !== undefined && this.#left.has(current)) return current;
    const busy = new Set(this.#on.values());
    let free: string | undefined;
    let any: string | undefined;
    for (const [key, list] of this.#left) {
      const size = list.length;
      if (!busy.has(key) && (free === undefined || size > (this.#left.get(free) as number[]).length)) free = key;
      if (any === undefined || size > (this.#left.get(any) as number[]).length) any = key;
    }
    return free ?? any;
  }
}
