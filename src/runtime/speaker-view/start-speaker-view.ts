/**
 * The speaker view (`?speaker`): current and next slide, notes, stopwatch,
 * clock and pacing. It follows the deck and steers it (speaker-link.ts),
 * and on the dev server applies slide edits itself. This module
 * and its CSS load only in the speaker window.
 */
import './speaker-view.css';
import { DECK_UPDATE_EVENT, type DeckManifest, type DeckUpdate } from '../../types.ts';
import { PRESENT_META_NAME } from '../../page-contract.ts';
import { fill, stringsFor } from '../../strings/strings.ts';
import { applyUpdateMarkup, clearErrorOverlay, manifestAfter } from '../hot-reload.ts';
import { formatDuration, pace } from './pacing.ts';
import { makePlan, readSpeakerSlide, readSpeakerSlides } from './speaker-deck.ts';
import { createSpeakerLayout } from './speaker-layout.ts';
import { createSpeakerLink } from './speaker-link.ts';
import type { DeckState, SpeakerMessage, SpeakerRequest } from './speaker-protocol.ts';
import { createStopwatch, type Stopwatch } from './stopwatch.ts';
import { showPace, showStopwatch } from './stopwatch-display.ts';
import { notesSize, speakerKeys } from './speaker-keys.ts';

const HELLO_INTERVAL_MS = 1500;
const TICK_MS = 500;

export function startSpeakerView(initial: DeckManifest): () => void {
  const deckRoot = document.querySelector<HTMLElement>('.reveal');
  const container = deckRoot?.querySelector<HTMLElement>('.slides');
  if (!deckRoot || !container) throw new Error('the page has no .reveal .slides element');
  deckRoot.style.display = 'none';
  document.documentElement.classList.add('deck-speaker-page');
  const s = stringsFor(initial.settings.lang);
  document.title = fill(s.speakerPageTitle, { title: initial.settings.title });

  let manifest = initial;
  let slides = readSpeakerSlides(container, manifest);
  let plan = makePlan(slides, manifest);
  let state: DeckState | null = null;
  let shownId = '';
  let shownNotes = '';
  let slideSince = Date.now();
  let stopwatch: Stopwatch = createStopwatch();
  const layout = createSpeakerLayout(s);
  layout.root.style.setProperty('--speaker-aspect', String(manifest.settings.width / manifest.settings.height));
  document.body.append(layout.root);

  let sent = 0;
  const session = Math.random().toString(36).slice(2);
  const link = createSpeakerLink((message: SpeakerMessage) => {
    if (message.type === 'closed') setConnected(false);
    if (message.type !== 'state') return;
    state = message;
    setConnected(true);
    renderSlides();
  });
  link.addPeer(window.opener as Window | null);
  const send = (request: SpeakerRequest) => link.send({ ...request, id: `${session}-${++sent}` });
  const currentIndex = () => (state ? slides.findIndex((s) => s.id === state!.id) : -1);

  function renderSlides(): void {
    if (!state) return;
    const index = currentIndex();
    const slide = slides[index];
    if (!slide) return;
    if (slide.id !== shownId) {
      shownId = slide.id;
      slideSince = Date.now();
      layout.notes.scrollTop = 0;
    }
    layout.position.textContent = fill(s.slideOf, { slide: index + 1, total: slides.length });
    layout.current.show({ h: state.h, v: state.v, f: state.f });
    const shown = Math.max(0, state.f + 1);
    layout.currentCaption.textContent = slide.fragments > 0 ? fill(s.speakerCurrentStep, { shown, total: slide.fragments }) : s.speakerCurrent;

    const upcoming = slides[index + 1];
    layout.upcoming.show(upcoming ? { h: upcoming.h, v: upcoming.v, f: -1 } : null);
    layout.upcomingCaption.textContent = upcoming ? fill(s.speakerUpcoming, { title: upcoming.title }) : s.speakerEnd;
    layout.upcomingBox.toggleAttribute('data-end', !upcoming);

    // Only when they changed: a fragment step must not reset notes the speaker has scrolled.
    const notes = slide.notesHtml || `<p class="speaker-no-notes">${s.noNotes}</p>`;
    if (notes !== shownNotes) layout.notes.innerHTML = shownNotes = notes;
    layout.notesTitle.textContent = fill(s.speakerNotesOf, { title: slide.title });
    layout.blackout.setAttribute('aria-pressed', String(state.paused));
    layout.root.toggleAttribute('data-paused', state.paused);
    tick();
  }

  function tick(): void {
    const now = Date.now();
    const elapsed = showStopwatch(stopwatch, layout.elapsed, layout.toggleTimer, s, now);
    layout.clock.textContent = new Date(now).toLocaleTimeString(manifest.settings.lang, { hour: '2-digit', minute: '2-digit' });
    const index = currentIndex();
    if (!plan.hasTimings || index < 0) {
      layout.pacing.textContent = '–';
      layout.slideTime.textContent = formatDuration((now - slideSince) / 1000);
      return;
    }
    const p = pace(plan, index, elapsed);
    showPace(p, layout.pacing, s);
    layout.pacing.title = fill(s.pacePlanned, { total: formatDuration(plan.total), remaining: formatDuration(p.remaining) });
    const onSlide = (now - slideSince) / 1000;
    layout.slideTime.textContent = `${formatDuration(onSlide)} / ${formatDuration(p.slideBudget)}`;
    layout.slideTime.dataset.over = String(onSlide > p.slideBudget);
  }

  function setConnected(connected: boolean): void {
    layout.root.toggleAttribute('data-connected', connected);
    layout.connection.textContent = connected ? '' : s.speakerDisconnected;
  }

  const hello = window.setInterval(() => {
    if (!layout.root.hasAttribute('data-connected')) send({ type: 'hello' });
  }, HELLO_INTERVAL_MS);
  send({ type: 'hello' });
  window.setTimeout(() => {
    if (!state) setConnected(false);
  }, HELLO_INTERVAL_MS);

  const size = notesSize(layout.root);
  const step = (direction: 'next' | 'prev') => send({ type: direction });
  const go = (index: number) => {
    const target = slides[Math.min(Math.max(index, 0), slides.length - 1)];
    if (target) send({ type: 'go', h: target.h, v: target.v, f: -1 });
  };
  layout.prev.addEventListener('click', () => step('prev'));
  layout.next.addEventListener('click', () => step('next'));
  layout.upcomingBox.addEventListener('click', () => step('next'));
  layout.blackout.addEventListener('click', () => send({ type: 'toggle-pause' }));
  layout.toggleTimer.addEventListener('click', () => (stopwatch.toggle(), tick()));
  layout.resetTimer.addEventListener('click', () => (stopwatch.reset(), (slideSince = Date.now()), tick()));
  layout.smaller.addEventListener('click', () => size.change(-1));
  layout.larger.addEventListener('click', () => size.change(1));
  const removeKeys = speakerKeys({
    next: () => step('next'),
    prev: () => step('prev'),
    first: () => go(0),
    last: () => go(slides.length - 1),
    blackout: () => send({ type: 'toggle-pause' }),
    larger: () => size.change(1),
    smaller: () => size.change(-1),
  });
  const ticking = window.setInterval(tick, TICK_MS);

  // Served by `deck present`: the talk's stopwatch (shared with the phone remote) and the remote's QR code, loaded only then.
  let leavePresent = () => {};
  if (__DECK_PRESENT__ && document.querySelector(`meta[name="${PRESENT_META_NAME}"]`)) {
    void import('../present/start-present.ts').then(({ speakerPresent }) => {
      const present = speakerPresent(layout, s, tick);
      if (!present) return;
      stopwatch = present.stopwatch;
      leavePresent = present.dispose;
      tick();
    });
  }

  // On the dev server the speaker view applies slide edits itself, like the deck does.
  const onUpdate = (update: DeckUpdate) => {
    applyUpdateMarkup(container, update);
    manifest = manifestAfter(manifest, update);
    if (update.kind === 'structure') slides = readSpeakerSlides(container, manifest);
    // A content update: only its slides are read again.
    else for (const { index, slide } of update.changed) slides[index] = readSpeakerSlide(slide, document.getElementById(slide.id));
    plan = makePlan(slides, manifest);
    clearErrorOverlay();
    renderSlides();
  };
  import.meta.hot?.on(DECK_UPDATE_EVENT, onUpdate);

  return () => {
    window.clearInterval(hello);
    window.clearInterval(ticking);
    leavePresent();
    removeKeys();
    import.meta.hot?.off(DECK_UPDATE_EVENT, onUpdate);
    link.close();
    layout.current.dispose();
    layout.upcoming.dispose();
  };
}
