/**
 * Which experiment a runner slot takes next. A slot has a tab per page origin
 * of its experiments, and getting a tab to a new page origin is the dearest
 * thing a run does: measured on a 2-core machine, a new tab costs Chromium
 * 0.25-0.5 s of CPU (its renderer processes and the page's set-up), as much
 * as 40-80 whole fetch steps; moving a tab it no longer needs (the runner's
 * visit) costs a renderer for a cross-site page. So experiments are keyed by
 * the page origins their steps run on, and a slot keeps to its key; when that
 * is done it takes a key whose pages it has tabs on, else a key no other slot
 * is on that needs the fewest tabs moved or opened, and joins a key another
 * slot is on only when enough of it is left to be worth that. Each page
 * origin then gets a tab in about one slot, plus one in each slot for the
 * origin most experiments use.
 */
export interface Scheduled {
  index: number;
  /** The page origins the experiment's steps run on. */
  pages: readonly string[];
}

/** Joining a key another slot is on costs a tab: worth it only when this many experiments are left there. */
export const JOIN_MIN = 8;

const keyOf = (pages: readonly string[]): string => [...new Set(pages)].sort().join(' ');

export class Schedule {
  /** Experiments left per key, in input order. */
  readonly #left = new Map<string, Scheduled[]>();
  /** The key each worker is on (absent: none yet). */
  readonly #on = new Map<number, string>();
  /** The pages each worker has a tab on, oldest first (as the runner's visit keeps them). */
  readonly #open = new Map<number, Set<string>>();

  constructor(items: readonly Scheduled[]) {
    for (const item of items) {
      const key = keyOf(item.pages);
      const list = this.#left.get(key);
      if (list) list.push(item);
      else this.#left.set(key, [item]);
    }
  }

  get size(): number {
    let n = 0;
    for (const list of this.#left.values()) n += list.length;
    return n;
  }

  /** The next experiment for `worker`, or null when none is left that is worth its tabs. */
  next(worker: number): Scheduled | null {
    const open = this.#open.get(worker) ?? new Set<string>();
    const key = this.#pick(this.#on.get(worker), open);
    if (key === undefined) {
      this.#on.delete(worker);
      return null;
    }
    const list = this.#left.get(key) as Scheduled[];
    const item = list.shift() as Scheduled;
    if (list.length === 0) this.#left.delete(key);
    this.#on.set(worker, key);
    // As the runner's visit does: a page without a tab gets the oldest tab this experiment does not use, else a new one.
    for (const page of item.pages) {
      if (open.has(page)) continue;
      const spare = [...open].find((p) => !item.pages.includes(p));
      if (spare !== undefined) open.delete(spare);
      open.add(page);
    }
    this.#open.set(worker, open);
    return item;
  }

  #pick(current: string | undefined, open: ReadonlySet<string>): string | undefined {
    if (current !== undefined && this.#left.has(current)) return current;
    const busy = new Set(this.#on.values());
    let best: { key: string; rank: number[] } | undefined;
    for (const [key, list] of this.#left) {
      const newTabs = new Set((list[0] as Scheduled).pages.filter((p) => !open.has(p))).size;
      const free = !busy.has(key);
      if (newTabs > 0 && !free && list.length < JOIN_MIN) continue;
      // Lower is better, in order: needs a tab moved or opened, another slot is on it, how many, fewer left.
      const rank = [newTabs > 0 ? 1 : 0, free ? 0 : 1, newTabs, -list.length];
      if (!best || isBefore(rank, best.rank)) best = { key, rank };
    }
    return best?.key;
  }
}

function isBefore(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
  return false;
}
