/**
 * The phone remote's page: the connection and the stopwatch on top, the current slide's notes in
 * the middle (they scroll on their own), the next slide's title, and large Previous / Next targets
 * where a thumb reaches them (remote.css lays it out for portrait and landscape).
 */
import type { Strings } from '../../strings/strings.ts';
import { element, labelledButton, createNotesPanel } from '../speaker-view/elements.ts';

export interface RemoteLayout {
  root: HTMLElement;
  connection: HTMLElement;
  position: HTMLElement;
  step: HTMLElement;
  elapsed: HTMLElement;
  toggleTimer: HTMLButtonElement;
  resetTimer: HTMLButtonElement;
  pacing: HTMLElement;
  notesTitle: HTMLElement;
  notes: HTMLElement;
  smaller: HTMLButtonElement;
  larger: HTMLButtonElement;
  upcoming: HTMLElement;
  prev: HTMLButtonElement;
  next: HTMLButtonElement;
  blackout: HTMLButtonElement;
}

const button = (className: string, text: string, label: string) => labelledButton(`remote-button ${className}`, text, label);

export function createRemoteLayout(s: Strings): RemoteLayout {
  const root = element('div', 'remote-view');
  root.setAttribute('role', 'application');
  root.setAttribute('aria-label', s.remoteLabel);

  const bar = element('header', 'remote-bar');
  const connection = element('span', 'remote-connection', s.speakerConnecting);
  connection.setAttribute('role', 'status');
  const place = element('div', 'remote-place');
  const position = element('span', 'remote-position');
  const step = element('span', 'remote-step');
  place.append(position, step);
  const timer = element('div', 'remote-timer');
  const elapsed = element('span', 'remote-elapsed', '0:00');
  const toggleTimer = button('remote-timer-toggle', '', s.speakerTimerPause);
  const resetTimer = button('remote-timer-reset', '↺', s.speakerTimerReset);
  const pacing = element('span', 'remote-pacing');
  timer.append(elapsed, toggleTimer, resetTimer, pacing);
  bar.append(connection, place, timer);

  // No keyboard shortcuts on the phone: its `button` leaves them out of the titles.
  const { panel: notesPanel, notesTitle, notes, smaller, larger } = createNotesPanel('remote', s, button);

  const upcoming = element('p', 'remote-upcoming');

  const nav = element('nav', 'remote-nav');
  nav.setAttribute('aria-label', s.speakerSlides);
  const prev = button('remote-prev', `‹ ${s.remotePrevious}`, s.speakerPrevious);
  const next = button('remote-next', `${s.remoteNext} ›`, s.speakerNext);
  const blackout = button('remote-blackout', s.speakerBlackout, s.speakerBlackoutToggle);
  nav.append(prev, next, blackout);

  root.append(bar, notesPanel, upcoming, nav);
  return { root, connection, position, step, elapsed, toggleTimer, resetTimer, pacing, notesTitle, notes, smaller, larger, upcoming, prev, next, blackout };
}
