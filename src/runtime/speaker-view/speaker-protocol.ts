/**
 * Messages between the deck and its speaker views. They travel over a
 * BroadcastChannel, so a speaker view opened from a link (popup blocked) or
 * reloaded finds the deck again without `window.opener`, and either window
 * may be reloaded at any time.
 */

/** What the deck shows; sent on every change and in answer to `hello`. */
export interface DeckState {
  type: 'state';
  h: number;
  v: number;
  /** Index of the last fragment shown, -1 when none, as reveal.js counts. */
  f: number;
  /** Id of the current slide's `<section>`. */
  id: string;
  paused: boolean;
  overview: boolean;
}

/** What a speaker view asks of the deck. */
export type SpeakerCommand =
  | { type: 'hello' }
  | { type: 'go'; h: number; v: number; f: number }
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'toggle-pause' };

/** The deck's window is going away (closed or reloading). */
export interface DeckClosed {
  type: 'closed';
}

export type SpeakerMessage = DeckState | DeckClosed | SpeakerCommand;

/** One channel per deck page, so two decks on one host stay apart. */
export function speakerChannelName(pathname = window.location.pathname): string {
  return `deck-speaker:${pathname.replace(/index\.html$/, '')}`;
}
