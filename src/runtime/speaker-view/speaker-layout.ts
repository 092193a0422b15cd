/**
 * The speaker view's page: a bar with position, stopwatch, clock and pacing;
 * the current and next slide on one side; the notes on the other, in a
 * column of their own that scrolls, so long notes never push the previews
 * away.
 */
import type { Strings } from '../../strings/strings.ts';
import { element, labelledButton, createNotesPanel } from './elements.ts';
import { createSlidePreview, type SlidePreview } from './slide-preview.ts';

export interface SpeakerLayout {
  root: HTMLElement;
  position: HTMLElement;
  elapsed: HTMLElement;
  toggleTimer: HTMLButtonElement;
  resetTimer: HTMLButtonElement;
  clock: HTMLElement;
  pacing: HTMLElement;
  slideTime: HTMLElement;
  connection: HTMLElement;
  prev: HTMLButtonElement;
  next: HTMLButtonElement;
  blackout: HTMLButtonElement;
  current: SlidePreview;
  currentCaption: HTMLElement;
  upcoming: SlidePreview;
  upcomingCaption: HTMLElement;
  upcomingBox: HTMLElement;
  notesTitle: HTMLElement;
  notes: HTMLElement;
  smaller: HTMLButtonElement;
  larger: HTMLButtonElement;
}

function button(className: string, text: string, label: string, shortcut?: string): HTMLButtonElement {
  return labelledButton(`speaker-button ${className}`, text, label, shortcut ? `${label} (${shortcut})` : label);
}

function stat(label: string, value: HTMLElement): HTMLElement {
  const box = element('div', 'speaker-stat');
  box.append(element('span', 'speaker-stat-label', label), value);
  return box;
}

function previewBox(preview: SlidePreview, caption: HTMLElement, className: string): HTMLElement {
  const figure = element('figure', `speaker-preview ${className}`);
  const screen = element('div', 'speaker-screen');
  screen.append(preview.frame);
  figure.append(caption, screen);
  return figure;
}

export function createSpeakerLayout(s: Strings): SpeakerLayout {
  const root = element('div', 'speaker-view');
  root.setAttribute('role', 'application');
  root.setAttribute('aria-label', s.speakerView);

  const bar = element('header', 'speaker-bar');
  const position = element('div', 'speaker-position');
  const elapsed = element('span', 'speaker-elapsed', '0:00');
  const toggleTimer = button('speaker-timer-toggle', '', s.speakerTimerPause);
  const resetTimer = button('speaker-timer-reset', '↺', s.speakerTimerReset);
  const clock = element('span', 'speaker-clock');
  const pacing = element('span', 'speaker-pacing');
  const slideTime = element('span', 'speaker-slide-time');
  const connection = element('span', 'speaker-connection', s.speakerConnecting);
  connection.setAttribute('role', 'status');
  const timer = stat(s.speakerElapsed, elapsed);
  timer.append(toggleTimer, resetTimer);
  const nav = element('nav', 'speaker-nav');
  nav.setAttribute('aria-label', s.speakerSlides);
  const prev = button('speaker-prev', '←', s.speakerPrevious, '←');
  const next = button('speaker-next', '→', s.speakerNext, '→');
  const blackout = button('speaker-blackout', s.speakerBlackout, s.speakerBlackoutToggle, 'B');
  nav.append(prev, next, blackout);
  bar.append(position, timer, stat(s.speakerPlan, pacing), stat(s.speakerThisSlide, slideTime), stat(s.speakerClock, clock), connection, nav);

  const current = createSlidePreview(s.speakerCurrent);
  const currentCaption = element('figcaption', 'speaker-caption', s.speakerCurrent);
  const upcoming = createSlidePreview(s.speakerNext);
  const upcomingCaption = element('figcaption', 'speaker-caption speaker-next-title');
  const upcomingBox = previewBox(upcoming, upcomingCaption, 'speaker-upcoming');
  const slides = element('section', 'speaker-slides');
  slides.setAttribute('aria-label', s.speakerSlides);
  slides.append(previewBox(current, currentCaption, 'speaker-current'), upcomingBox);

  const { panel: notesPanel, notesTitle, notes, smaller, larger } = createNotesPanel('speaker', s, button);

  const main = element('main', 'speaker-main');
  main.append(slides, notesPanel);
  root.append(bar, main);

  return { root, position, elapsed, toggleTimer, resetTimer, clock, pacing, slideTime, connection, prev, next, blackout, current, currentCaption, upcoming, upcomingCaption, upcomingBox, notesTitle, notes, smaller, larger };
}
