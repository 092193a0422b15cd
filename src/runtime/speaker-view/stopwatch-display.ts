/** How the speaker view and the phone remote show the stopwatch and the pacing: the same texts, the same button. */
import type { Strings } from '../../strings/strings.ts';
import { formatDuration, type Pace } from './pacing.ts';
import type { Stopwatch } from './stopwatch.ts';

const PAUSE_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><rect x="6" y="5" width="4" height="14"/><rect x="14" y="5" width="4" height="14"/></svg>';
const PLAY_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M7 5v14l12-7z"/></svg>';

/** Writes the elapsed time, and the button's icon and label when running or paused changed; returns the elapsed seconds. */
export function showStopwatch(stopwatch: Stopwatch, elapsed: HTMLElement, toggle: HTMLButtonElement, s: Strings, now: number): number {
  const seconds = stopwatch.elapsed(now);
  elapsed.textContent = formatDuration(seconds);
  const running = stopwatch.running();
  if (toggle.dataset.running !== String(running)) {
    toggle.innerHTML = running ? PAUSE_ICON : PLAY_ICON;
    toggle.dataset.running = String(running);
    toggle.setAttribute('aria-label', running ? s.speakerTimerPause : s.speakerTimerResume);
    toggle.title = toggle.getAttribute('aria-label')!;
  }
  return seconds;
}

/** `im Plan`, `0:18 voraus`, `1:02 im Verzug`, with the status for the colour. */
export function showPace(p: Pace, target: HTMLElement, s: Strings): void {
  const text = { ahead: s.paceAhead, behind: s.paceBehind, 'on-track': s.paceOnTrack }[p.status];
  target.textContent = p.status === 'on-track' ? text : `${formatDuration(p.offset)} ${text}`;
  target.dataset.status = p.status;
}
