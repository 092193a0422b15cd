/**
 * Pacing for the speaker view, as reveal.js plans it: each slide takes its
 * `data-timing` seconds; slides without one share what `totalTime` leaves,
 * or take `defaultTiming` (120 s when neither is set).
 */

/** reveal.js's speaker view assumes two minutes for a slide without a timing. */
export const DEFAULT_TIMING = 120;

export interface Plan {
  /** Planned seconds for each slide, in presentation order. */
  perSlide: number[];
  /** Planned seconds for the whole deck. */
  total: number;
  /** False when the deck sets no timing at all: then there is nothing to pace against. */
  hasTimings: boolean;
}

export interface PlanOptions {
  totalTime?: number | null;
  defaultTiming?: number | null;
}

export function planTimings(timings: readonly (number | null)[], options: PlanOptions = {}): Plan {
  const explicit = timings.filter((t): t is number => t !== null);
  const explicitSum = explicit.reduce((a, b) => a + b, 0);
  const untimed = timings.length - explicit.length;
  const { totalTime, defaultTiming } = options;
  const fallback = totalTime && untimed > 0 ? Math.max(0, (totalTime - explicitSum) / untimed) : (defaultTiming ?? DEFAULT_TIMING);
  const perSlide = timings.map((t) => t ?? fallback);
  return {
    perSlide,
    total: perSlide.reduce((a, b) => a + b, 0),
    hasTimings: explicit.length > 0 || Boolean(totalTime) || Boolean(defaultTiming),
  };
}

export type PaceStatus = 'ahead' | 'on-track' | 'behind';

export interface Pace {
  status: PaceStatus;
  /** How far ahead of or behind the plan, in seconds (0 on track). */
  offset: number;
  /** Planned seconds for the current slide. */
  slideBudget: number;
  /** Planned seconds left after `elapsed`, negative when over time. */
  remaining: number;
}

/**
 * Ahead: the current slide was reached before its planned start. Behind: the
 * time planned up to the end of the current slide is used up. On track otherwise.
 */
export function pace(plan: Plan, current: number, elapsed: number): Pace {
  const index = Math.min(Math.max(current, 0), plan.perSlide.length - 1);
  const start = plan.perSlide.slice(0, index).reduce((a, b) => a + b, 0);
  const slideBudget = plan.perSlide[index] ?? 0;
  const end = start + slideBudget;
  const remaining = plan.total - elapsed;
  if (elapsed < start) return { status: 'ahead', offset: start - elapsed, slideBudget, remaining };
  if (elapsed > end) return { status: 'behind', offset: elapsed - end, slideBudget, remaining };
  return { status: 'on-track', offset: 0, slideBudget, remaining };
}

/** `4:05`, `1:02:03`; seconds are rounded down. */
export function formatDuration(seconds: number): string {
  const total = Math.floor(Math.abs(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  const sign = seconds < 0 && total > 0 ? '−' : '';
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, '0')}:${s}` : `${sign}${m}:${s}`;
}
