/**
 * The pure parts of present mode's pages: the relay's URL and reconnect backoff, comparing places,
 * and the talk's shared stopwatch (the presenter's deck keeps it, the remote and speaker view show it).
 */
import { describe, expect, it } from 'vitest';
import { relayUrl, retryDelay } from '../../src/runtime/present/relay-connection.ts';
import { samePlace, type TalkPlace } from '../../src/runtime/present/talk-place.ts';
import { createTalkStopwatch } from '../../src/runtime/present/talk-stopwatch.ts';
import { isTimerCommand, timerAfter, timerSeconds, timerStartedNow } from '../../src/runtime/present/talk-timer.ts';

describe('relayUrl', () => {
  it('is the relay under the page’s own base, as ws: or wss:, with the control role', () => {
    expect(relayUrl('http://10.0.0.5:4000/p/abc/?remote#/3', '_relay', 'remote')).toBe('ws://10.0.0.5:4000/p/abc/_relay?as=remote');
    expect(relayUrl('https://talk.example/a/xyz/index.html#/2/1', '_relay')).toBe('wss://talk.example/a/xyz/_relay');
    expect(relayUrl('http://127.0.0.1:4000/p/abc/?speaker', '_relay', 'speaker')).toBe('ws://127.0.0.1:4000/p/abc/_relay?as=speaker');
  });
});

describe('retryDelay', () => {
  it('doubles from 250 ms and stops at 5 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 30].map((attempt) => retryDelay(attempt, 0.5))).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
  });

  it('spreads each wait over ±25 %, so a hall of viewers does not come back in one burst', () => {
    expect(retryDelay(2, 0)).toBe(750);
    expect(retryDelay(2, 1)).toBe(1250);
    expect(retryDelay(10, 1)).toBe(6250);
  });
});

describe('samePlace', () => {
  const place: TalkPlace = { h: 3, v: 0, f: 1, overview: false, blackout: false };

  it('compares slide, step, overview and blackout', () => {
    expect(samePlace(place, { ...place })).toBe(true);
    for (const change of [{ h: 4 }, { v: 1 }, { f: 2 }, { f: -1 }, { overview: true }, { blackout: true }]) {
      expect(samePlace(place, { ...place, ...change }), JSON.stringify(change)).toBe(false);
    }
  });
});

describe('the talk’s stopwatch', () => {
  it('runs from its start, pauses keeping the time, resumes, and resets to zero', () => {
    let timer = timerStartedNow(1_000);
    expect(timerSeconds(timer, 61_000)).toBe(60);
    timer = timerAfter(timer, 'timer-pause', 61_000);
    expect(timer).toEqual({ startedAt: null, elapsedMs: 60_000 });
    expect(timerSeconds(timer, 500_000)).toBe(60);
    timer = timerAfter(timer, 'timer-start', 100_000);
    expect(timerSeconds(timer, 110_000)).toBe(70);
    // Starting a running stopwatch changes nothing.
    expect(timerAfter(timer, 'timer-start', 105_000)).toEqual(timer);
    timer = timerAfter(timer, 'timer-reset', 120_000);
    expect(timer).toEqual({ startedAt: 120_000, elapsedMs: 0 });
    expect(timerAfter({ startedAt: null, elapsedMs: 5_000 }, 'timer-reset', 130_000)).toEqual({ startedAt: null, elapsedMs: 0 });
  });

  it('never shows negative time when another device’s clock is behind', () => {
    expect(timerSeconds({ startedAt: 10_000, elapsedMs: 0 }, 9_000)).toBe(0);
  });

  it('tells timer commands from the others', () => {
    expect(isTimerCommand('timer-reset')).toBe(true);
    expect(isTimerCommand('next')).toBe(false);
    expect(isTimerCommand('blackout')).toBe(false);
  });

  it('on the remote: a tap sends the command and shows its effect before the relay confirms', () => {
    const sent: string[] = [];
    const stopwatch = createTalkStopwatch((command) => sent.push(command), { startedAt: 0, elapsedMs: 0 });
    expect(stopwatch.running()).toBe(true);
    stopwatch.toggle(30_000);
    expect(sent).toEqual(['timer-pause']);
    expect(stopwatch.running()).toBe(false);
    expect(stopwatch.elapsed(90_000)).toBe(30);
    stopwatch.toggle(90_000);
    stopwatch.reset(95_000);
    expect(sent).toEqual(['timer-pause', 'timer-start', 'timer-reset']);
    expect(stopwatch.elapsed(95_000)).toBe(0);
    // The relay's state is what counts.
    stopwatch.update({ startedAt: null, elapsedMs: 42_000 });
    expect([stopwatch.running(), stopwatch.elapsed(200_000)]).toEqual([false, 42]);
  });
});
