/**
 * Where a talk is, as the relay's TalkState carries it without the stopwatch: slide, fragment step,
 * overview and blackout. Read from reveal.js, compared, and applied to reveal.js.
 */
import type { RevealApi } from 'reveal.js';
import type { TalkState } from '../../present/protocol.ts';

export type TalkPlace = Omit<TalkState, 'timer'>;

/** Where `reveal` is; a slide without fragments counts as step -1, as one before its first fragment does. */
export function revealPlace(reveal: RevealApi): TalkPlace {
  const { h, v, f } = reveal.getIndices();
  return { h: h ?? 0, v: v ?? 0, f: typeof f === 'number' ? f : -1, overview: reveal.isOverview(), blackout: reveal.isPaused() };
}

export function samePlace(a: TalkPlace, b: TalkPlace): boolean {
  return a.h === b.h && a.v === b.v && a.f === b.f && a.overview === b.overview && a.blackout === b.blackout;
}

/** Moves `reveal` to `place`: the slide and step first, so the overview opens on it and blackout hides it. */
export function showPlace(reveal: RevealApi, place: TalkPlace): void {
  if (samePlace(revealPlace(reveal), place)) return;
  const { h, v, f } = reveal.getIndices();
  if (h !== place.h || v !== place.v || (typeof f === 'number' ? f : -1) !== place.f) reveal.slide(place.h, place.v, place.f);
  if (reveal.isOverview() !== place.overview) reveal.toggleOverview(place.overview);
  if (reveal.isPaused() !== place.blackout) reveal.togglePause(place.blackout);
}
