/** The speaker view's plan, pacing and stopwatch, as pure functions of time. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMING, formatDuration, pace, planTimings } from '../../src/runtime/speaker-view/pacing.ts';
import { createStopwatch } from '../../src/runtime/speaker-view/stopwatch.ts';

describe('planTimings', () => {
  it('takes data-timing where set and 120 s (reveal.js) elsewhere', () => {
    expect(planTimings([20, null, 60])).toEqual({ perSlide: [20, DEFAULT_TIMING, 60], total: 200, hasTimings: true });
  });

  it('shares what totalTime leaves among slides without a timing', () => {
    expect(planTimings([60, null, null], { totalTime: 300 }).perSlide).toEqual([60, 120, 120]);
    // Never negative when the explicit timings already exceed the total.
    expect(planTimings([400, null], { totalTime: 300 }).perSlide).toEqual([400, 0]);
  });

  it('uses defaultTiming, and knows when a deck sets no timing at all', () => {
    expect(planTimings([null, null], { defaultTiming: 45 })).toEqual({ perSlide: [45, 45], total: 90, hasTimings: true });
    expect(planTimings([null, null]).hasTimings).toBe(false);
  });
});

describe('pace', () => {
  const plan = planTimings([20, 60, 90, 45]);

  it('is ahead when a slide is reached before its planned start', () => {
    expect(pace(plan, 2, 50)).toEqual({ status: 'ahead', offset: 30, slideBudget: 90, remaining: 165 });
  });

  it('is on track within the slide’s own time, and behind once it is used up', () => {
    expect(pace(plan, 2, 100).status).toBe('on-track');
    expect(pace(plan, 2, 170)).toMatchObject({ status: 'on-track', offset: 0 });
    expect(pace(plan, 2, 200)).toMatchObject({ status: 'behind', offset: 30, remaining: 15 });
  });

  it('clamps an index outside the plan', () => {
    expect(pace(plan, 9, 300)).toMatchObject({ slideBudget: 45, status: 'behind', offset: 85 });
  });
});

describe('formatDuration', () => {
  it('writes m:ss and h:mm:ss, with a real minus sign', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65.9)).toBe('1:05');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(-30)).toBe('−0:30');
  });
});

describe('createStopwatch', () => {
  function memoryStorage(): Storage {
    const data = new Map<string, string>();
    return {
      get length() {
        return data.size;
      },
      clear: () => data.clear(),
      getItem: (key) => data.get(key) ?? null,
      key: (index) => Array.from(data.keys())[index] ?? null,
      removeItem: (key) => void data.delete(key),
      setItem: (key, value) => void data.set(key, value),
    };
  }

  it('runs from creation, pauses, resumes and resets', () => {
    const watch = createStopwatch(memoryStorage(), 1000);
    expect(watch.elapsed(11_000)).toBe(10);
    watch.toggle(11_000);
    expect(watch.running()).toBe(false);
    expect(watch.elapsed(50_000)).toBe(10);
    watch.toggle(50_000);
    expect(watch.elapsed(55_000)).toBe(15);
    watch.reset(60_000);
    expect(watch.elapsed(61_000)).toBe(1);
  });

  it('survives a reload of the speaker window (same storage)', () => {
    const storage = memoryStorage();
    createStopwatch(storage, 1000);
    const again = createStopwatch(storage, 30_000);
    expect(again.elapsed(31_000)).toBe(30);
  });
});
