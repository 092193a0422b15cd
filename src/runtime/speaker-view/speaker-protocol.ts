/**
 * Messages between the deck and its speaker views (see speaker-link.ts for
 * how they travel). Either window may be reloaded at any time: the speaker
 * view says `hello` until the deck answers with its state.
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
export type SpeakerRequest =
  | { type: 'hello' }
  | { type: 'go'; h: number; v: number; f: number }
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'toggle-pause' };

/** A request as sent: its id lets the deck act once on a command that arrived twice. */
export type SpeakerCommand = SpeakerRequest & { id: string };

/** The deck's window is going away (closed or reloading). */
export interface DeckClosed {
  type: 'closed';
}

export type SpeakerMessage = DeckState | DeckClosed | SpeakerCommand;

/** One channel per deck page, so two decks on one host stay apart. */
export function speakerChannelName(pathname = window.location.pathname): string {
  return `deck-speaker:${pathname.replace(/index\.html$/, '')}`;
}
