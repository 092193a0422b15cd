/**
 * The presenter's deck under `deck present`: it owns the talk's state. It sends where it is after
 * every change (slide, fragment, overview, blackout) and the stopwatch, follows the remote's and
 * the speaker view's commands, and when it opens on a talk the relay already knows (a reload, a
 * restarted relay with `--resume`), it resumes there. After a reconnect it is the one that knows
 * best, so it sends its own state instead of taking the relay's.
 */
import type { RevealApi } from 'reveal.js';
import type { PresentPageConfig, RemoteCommand, ServerMessage, TalkState } from '../../present/protocol.ts';
import { connectRelay, relayUrl } from './relay-connection.ts';
import { revealPlace, showPlace } from './talk-place.ts';
import { isTimerCommand, timerAfter, timerStartedNow, type TalkTimer } from './talk-timer.ts';

/** reveal.js events after which the deck is somewhere else. */
export const PLACE_EVENTS = ['slidechanged', 'fragmentshown', 'fragmenthidden', 'overviewshown', 'overviewhidden', 'paused', 'resumed'];

function runCommand(reveal: RevealApi, command: Exclude<RemoteCommand, `timer-${string}`>): void {
  if (command === 'next') reveal.next();
  else if (command === 'prev') reveal.prev();
  else if (command === 'blackout') reveal.togglePause();
  else reveal.toggleOverview();
}

export function presenterSync(reveal: RevealApi, config: PresentPageConfig): () => void {
  /** Null until the first connection told whether the talk was already under way. */
  let timer: TalkTimer | null = null;
  let lastSent = '';
  let publishQueued = false;

  const state = (): TalkState => ({ ...revealPlace(reveal), timer: timer ?? timerStartedNow(Date.now()) });

  function publish(): void {
    if (timer === null) return;
    const message = { type: 'state', state: state() } as const;
    const json = JSON.stringify(message.state);
    // Several reveal.js events for one step (a slide change shows its fragments too) make one message.
    if (json !== lastSent && connection.send(message)) lastSent = json;
  }
  const queuePublish = () => {
    if (publishQueued) return;
    publishQueued = true;
    queueMicrotask(() => {
      publishQueued = false;
      publish();
    });
  };

  function received(message: ServerMessage): void {
    if (message.type === 'state') {
      // The relay sends its state first on each connection; only the first after the page opened is taken.
      if (timer !== null) return;
      timer = message.state.timer;
      showPlace(reveal, message.state);
      publish();
    } else if (message.type === 'peers') {
      // After the state, when there is one: without it the talk starts here, the stopwatch with it.
      if (timer !== null) return;
      timer = timerStartedNow(Date.now());
      publish();
    } else if (message.type === 'goto') {
      reveal.slide(message.h, message.v, message.f);
    } else if (message.type === 'command') {
      if (isTimerCommand(message.command)) {
        timer = timerAfter(timer ?? timerStartedNow(Date.now()), message.command, Date.now());
        queuePublish();
      } else runCommand(reveal, message.command);
    }
  }

  const connection = connectRelay(relayUrl(window.location.href, config.relay, 'presenter'), {
    message: received,
    status(status) {
      // A new connection needs the state again, even if it did not change.
      if (status === 'open') {
        lastSent = '';
        publish();
      }
    },
  });
  for (const name of PLACE_EVENTS) reveal.on(name, queuePublish);

  return () => {
    for (const name of PLACE_EVENTS) reveal.off(name, queuePublish);
    connection.close();
  };
}
