/**
 * The speaker view's stopwatch: runs from the moment the view opens, can be
 * paused and reset, and survives a reload of the speaker window (kept in
 * sessionStorage, which belongs to that window).
 */
const STORAGE_KEY = 'deck-speaker-stopwatch';

interface StopwatchState {
  /** Milliseconds counted before the current run. */
  banked: number;
  /** Epoch milliseconds when the current run started; null while paused. */
  since: number | null;
}

export interface Stopwatch {
  /** Elapsed seconds. */
  elapsed(now?: number): number;
  running(): boolean;
  toggle(now?: number): void;
  reset(now?: number): void;
}

function load(storage: Storage | null, now: number): StopwatchState {
  try {
    const saved = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null') as StopwatchState | null;
    if (saved && typeof saved.banked === 'number') return saved;
  } catch {
    // A damaged entry starts a fresh stopwatch.
  }
  return { banked: 0, since: now };
}

export function createStopwatch(storage: Storage | null = window.sessionStorage, now = Date.now()): Stopwatch {
  let state = load(storage, now);
  const save = () => storage?.setItem(STORAGE_KEY, JSON.stringify(state));
  save();
  return {
    elapsed: (at = Date.now()) => (state.banked + (state.since === null ? 0 : at - state.since)) / 1000,
    running: () => state.since !== null,
    toggle(at = Date.now()) {
      state = state.since === null ? { banked: state.banked, since: at } : { banked: state.banked + at - state.since, since: null };
      save();
    },
    reset(at = Date.now()) {
      state = { banked: 0, since: state.since === null ? null : at };
      save();
    },
  };
}
