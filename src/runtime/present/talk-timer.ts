/**
 * The talk's stopwatch as the relay carries it (`{ startedAt, elapsedMs }`), kept by the presenter's
 * page and shown by the remote and the speaker view. The same transitions as the speaker view's own
 * stopwatch (stopwatch.ts), on the relay's field names.
 */
import type { RemoteCommand, TalkState } from '../../present/protocol.ts';
import { stopwatchElapsedMs, stopwatchPaused, stopwatchReset, stopwatchStarted, type StopwatchState } from '../speaker-view/stopwatch.ts';

export type TalkTimer = TalkState['timer'];

export type TimerCommand = Extract<RemoteCommand, `timer-${string}`>;

const toStopwatch = (timer: TalkTimer): StopwatchState => ({ banked: timer.elapsedMs, since: timer.startedAt });
const fromStopwatch = (state: StopwatchState): TalkTimer => ({ startedAt: state.since, elapsedMs: state.banked });

/** A stopwatch running from `now`, as the speaker view's starts when it opens. */
export const timerStartedNow = (now: number): TalkTimer => ({ startedAt: now, elapsedMs: 0 });

export function isTimerCommand(command: RemoteCommand): command is TimerCommand {
  return command.startsWith('timer-');
}

export function timerAfter(timer: TalkTimer, command: TimerCommand, now: number): TalkTimer {
  const state = toStopwatch(timer);
  if (command === 'timer-start') return fromStopwatch(stopwatchStarted(state, now));
  if (command === 'timer-pause') return fromStopwatch(stopwatchPaused(state, now));
  return fromStopwatch(stopwatchReset(state, now));
}

/** Seconds on the stopwatch at `now`, never negative (another device's clock may be a little ahead). */
export function timerSeconds(timer: TalkTimer, now: number): number {
  return Math.max(0, stopwatchElapsedMs(toStopwatch(timer), now)) / 1000;
}
