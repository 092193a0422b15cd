/**
 * The phone remote (`/p/<T>/?remote`, served by `deck present` only): Next and Previous, the
 * current slide's notes, the next slide's title, slide x / y and the fragment step, the talk's
 * stopwatch and pacing, blackout. It knows the slides from the page it is (the full build, with
 * notes) and where the talk is from the relay; its buttons are commands to the presenter's deck.
 */
import './remote.css';
import type { TalkState } from '../../present/protocol.ts';
import type { DeckManifest } from '../../types.ts';
import { fill, stringsFor } from '../../strings/strings.ts';
import { fillAllSlides } from '../deferred-slides.ts';
import { pace } from '../speaker-view/pacing.ts';
import { makePlan, readSpeakerSlides } from '../speaker-view/speaker-deck.ts';
import { notesSize, speakerKeys } from '../speaker-view/speaker-keys.ts';
import { showPace, showStopwatch } from '../speaker-view/stopwatch-display.ts';
import { readPresentConfig } from './present-config.ts';
import { connectRelay, relayUrl, type RelayStatus } from './relay-connection.ts';
import { createRemoteLayout } from './remote-layout.ts';
import { createTalkStopwatch } from './talk-stopwatch.ts';
import { keepScreenAwake } from './wake-lock.ts';

const TICK_MS = 500;

export function startRemote(manifest: DeckManifest): () => void {
  const config = readPresentConfig();
  const container = document.querySelector<HTMLElement>('.reveal .slides');
  // The audience's copy has no notes and its connections may only listen: the remote is the presenter's alone.
  if (config?.role !== 'presenter' || !container) throw new Error('deck: the remote opens only from the presenter’s URL of deck present (…/p/<token>/?remote)');
  document.querySelector<HTMLElement>('.reveal')!.style.display = 'none';
  document.documentElement.classList.add('deck-remote-page');
  const s = stringsFor(manifest.settings.lang);
  document.title = `${s.remoteLabel} – ${manifest.settings.title}`;

  fillAllSlides(container);
  const slides = readSpeakerSlides(container, manifest);
  const plan = makePlan(slides, manifest);
  const layout = createRemoteLayout(s);
  document.body.append(layout.root);

  let state: TalkState | null = null;
  let relay: RelayStatus = 'connecting';
  let presenters: number | null = null;
  let shownNotes = '';

  // Pausing or resetting is a command to the presenter's deck, which keeps the talk's stopwatch.
  const stopwatch = createTalkStopwatch((command) => connection.send({ type: 'command', command }));
  const connection = connectRelay(relayUrl(window.location.href, config.relay, 'remote'), {
    message(message) {
      if (message.type === 'state') {
        state = message.state;
        stopwatch.update(state.timer);
        render();
      } else if (message.type === 'peers') {
        presenters = message.presenters;
        showConnection();
      }
    },
    status(status) {
      relay = status;
      if (status !== 'open') presenters = null;
      showConnection();
    },
  });
  const currentIndex = () => (state ? slides.findIndex((slide) => slide.h === state!.h && slide.v === state!.v) : -1);

  function showConnection(): void {
    const connected = relay === 'open' && presenters !== null && presenters > 0;
    layout.root.dataset.connection = relay === 'open' ? (connected ? 'live' : 'no-presenter') : relay;
    layout.connection.textContent =
      relay === 'waiting' ? s.presentReconnecting : relay === 'connecting' || presenters === null ? s.speakerConnecting : connected ? s.presentConnected : s.speakerDisconnected;
  }

  function render(): void {
    const index = currentIndex();
    const slide = slides[index];
    if (!state || !slide) return;
    layout.position.textContent = fill(s.slideOf, { slide: index + 1, total: slides.length });
    layout.step.textContent = slide.fragments > 0 ? fill(s.remoteStep, { shown: Math.max(0, state.f + 1), total: slide.fragments }) : '';
    // Only when they changed: a fragment step must not reset notes scrolled to where the speaker reads.
    const notes = slide.notesHtml || `<p class="remote-no-notes">${s.noNotes}</p>`;
    if (notes !== shownNotes) {
      layout.notes.innerHTML = shownNotes = notes;
      layout.notes.scrollTop = 0;
    }
    layout.notesTitle.textContent = fill(s.speakerNotesOf, { title: slide.title });
    const upcoming = slides[index + 1];
    layout.upcoming.textContent = upcoming ? fill(s.speakerUpcoming, { title: upcoming.title }) : s.speakerEnd;
    layout.blackout.setAttribute('aria-pressed', String(state.blackout));
    layout.root.toggleAttribute('data-blackout', state.blackout);
    tick();
  }

  function tick(): void {
    const elapsed = showStopwatch(stopwatch, layout.elapsed, layout.toggleTimer, s, Date.now());
    const index = currentIndex();
    if (plan.hasTimings && index >= 0) showPace(pace(plan, index, elapsed), layout.pacing, s);
    else layout.pacing.textContent = '';
  }

  const command = (name: 'next' | 'prev' | 'blackout') => connection.send({ type: 'command', command: name });
  layout.next.addEventListener('click', () => command('next'));
  layout.prev.addEventListener('click', () => command('prev'));
  layout.blackout.addEventListener('click', () => command('blackout'));
  layout.toggleTimer.addEventListener('click', () => (stopwatch.toggle(), tick()));
  layout.resetTimer.addEventListener('click', () => (stopwatch.reset(), tick()));
  const size = notesSize(layout.root);
  layout.smaller.addEventListener('click', () => size.change(-1));
  layout.larger.addEventListener('click', () => size.change(1));
  // A clicker or keyboard paired with the phone works as in the speaker view.
  const removeKeys = speakerKeys({
    next: () => command('next'),
    prev: () => command('prev'),
    first: () => connection.send({ type: 'goto', h: 0, v: 0, f: -1 }),
    last: () => {
      const last = slides[slides.length - 1];
      if (last) connection.send({ type: 'goto', h: last.h, v: last.v, f: -1 });
    },
    blackout: () => command('blackout'),
    larger: () => size.change(1),
    smaller: () => size.change(-1),
  });
  const releaseWakeLock = keepScreenAwake();
  const ticking = window.setInterval(tick, TICK_MS);
  showConnection();
  tick();

  return () => {
    window.clearInterval(ticking);
    removeKeys();
    releaseWakeLock();
    connection.close();
  };
}
