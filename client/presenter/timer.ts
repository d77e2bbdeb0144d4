/**
 * The presenter's elapsed-time clock against the lesson's planned minutes:
 * pure state and arithmetic (times in epoch milliseconds), so it is tested
 * without waiting and kept across a reload of the presenter window.
 */
export interface TimerState {
  /** When the clock (re)started. */
  startedAt: number;
  /** When it was paused, or null while it runs. */
  pausedAt: number | null;
  /** Paused time before `pausedAt`, not counted as elapsed. */
  pausedMs: number;
}

export type Pace = 'on-time' | 'closing' | 'over';

/** The last share of the planned time, shown as "closing" so the presenter starts wrapping up. */
const CLOSING_SHARE = 0.2;

export function startTimer(now: number): TimerState {
  return { startedAt: now, pausedAt: null, pausedMs: 0 };
}

export function elapsedMs(state: TimerState, now: number): number {
  const end = state.pausedAt ?? now;
  return Math.max(0, end - state.startedAt - state.pausedMs);
}

export function pauseTimer(state: TimerState, now: number): TimerState {
  return state.pausedAt === null ? { ...state, pausedAt: now } : state;
}

export function resumeTimer(state: TimerState, now: number): TimerState {
  return state.pausedAt === null ? state : { ...state, pausedAt: null, pausedMs: state.pausedMs + Math.max(0, now - state.pausedAt) };
}

/** `m:ss`, or `h:mm:ss` from an hour on. */
export function clockText(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export function paceOf(elapsed: number, plannedMinutes: number): Pace {
  const planned = plannedMinutes * 60_000;
  if (elapsed > planned) return 'over';
  return elapsed >= planned * (1 - CLOSING_SHARE) ? 'closing' : 'on-time';
}

/** A stored timer if it is one, else null: storage may hold anything. */
export function parseTimer(text: string | null): TimerState | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { startedAt, pausedAt, pausedMs } = value as Record<string, unknown>;
    const time = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
    if (!time(startedAt) || !time(pausedMs) || !(pausedAt === null || time(pausedAt))) return null;
    return { startedAt, pausedAt, pausedMs };
  } catch {
    return null;
  }
}
