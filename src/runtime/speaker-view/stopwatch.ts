/**
 * The speaker view's stopwatch: runs from the moment the view opens, can be
 * paused and reset, and survives a reload of the speaker window (kept in
 * sessionStorage, which belongs to that window).
 */
const STORAGE_KEY = 'deck-speaker-stopwatch';

export interface StopwatchState {
  /** Milliseconds counted before the current run. */
  banked: number;
  /** Epoch milliseconds when the current run started; null while paused. */
  since: number | null;
}

/** Elapsed milliseconds at `at`. */
export const stopwatchElapsedMs = (state: StopwatchState, at: number): number => state.banked + (state.since === null ? 0 : at - state.since);

/** Running from `at` (unchanged when already running). */
export const stopwatchStarted = (state: StopwatchState, at: number): StopwatchState => (state.since === null ? { banked: state.banked, since: at } : state);

/** Paused at `at`, keeping what was counted (unchanged when already paused). */
export const stopwatchPaused = (state: StopwatchState, at: number): StopwatchState => (state.since === null ? state : { banked: state.banked + at - state.since, since: null });

/** Back to zero; a running stopwatch keeps running from `at`. */
export const stopwatchReset = (state: StopwatchState, at: number): StopwatchState => ({ banked: 0, since: state.since === null ? null : at });

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
    elapsed: (at = Date.now()) => stopwatchElapsedMs(state, at) / 1000,
    running: () => state.since !== null,
    toggle(at = Date.now()) {
      state = state.since === null ? stopwatchStarted(state, at) : stopwatchPaused(state, at);
      save();
    },
    reset(at = Date.now()) {
      state = stopwatchReset(state, at);
      save();
    },
  };
}
