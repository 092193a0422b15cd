/**
 * The speaker view's `Stopwatch`, showing the talk's shared timer instead of a window's own: it
 * reads the latest TalkState's timer, and pausing or resetting sends a command to the presenter's
 * page, which keeps the timer and sends the new state to every page. The change shows at once and
 * the relay's next state confirms it.
 */
import type { Stopwatch } from '../speaker-view/stopwatch.ts';
import { timerAfter, timerSeconds, type TalkTimer, type TimerCommand } from './talk-timer.ts';

export interface TalkStopwatch extends Stopwatch {
  /** The timer of a state from the relay. */
  update(timer: TalkTimer): void;
}

export function createTalkStopwatch(send: (command: TimerCommand) => void, initial: TalkTimer = { startedAt: null, elapsedMs: 0 }): TalkStopwatch {
  let timer = initial;
  const command = (name: TimerCommand, now: number) => {
    timer = timerAfter(timer, name, now);
    send(name);
  };
  return {
    elapsed: (now = Date.now()) => timerSeconds(timer, now),
    running: () => timer.startedAt !== null,
    toggle: (now = Date.now()) => command(timer.startedAt === null ? 'timer-start' : 'timer-pause', now),
    reset: (now = Date.now()) => command('timer-reset', now),
    update(next) {
      timer = next;
    },
  };
}
