/**
 * The deck's side of the speaker view: `S` opens it in a window of its own
 * (the same page with `?speaker`, whose code loads only there), and the deck
 * reports every slide change to it and follows its commands (speaker-link.ts).
 * If the browser blocks the window, the deck says so and offers a link instead.
 */
import type { RevealApi, RevealPlugin } from 'reveal.js';
import { stringsFor, type Strings } from '../strings/strings.ts';
import { pageRole, roleUrl } from './page-role.ts';
import { DECK_UPDATED_EVENT } from './hot-reload.ts';
import { createSpeakerLink, onceById, type SpeakerLink } from './speaker-view/speaker-link.ts';
import type { DeckState, SpeakerMessage } from './speaker-view/speaker-protocol.ts';

const WINDOW_NAME = 'deck-speaker';
const WINDOW_FEATURES = 'popup,width=1280,height=800';
const S_KEY = 83;

let speakerWindow: Window | null = null;
let link: SpeakerLink | null = null;
/** The deck's texts, set by `speakerNotes` (the page's language until then). */
let strings: Strings = stringsFor(document.documentElement.lang);

/** Opens (or brings forward) the speaker view; `false` when the browser blocked the window. */
export function openSpeakerView(): boolean {
  if (speakerWindow && !speakerWindow.closed) {
    speakerWindow.focus();
    return true;
  }
  const url = roleUrl('speaker');
  speakerWindow = window.open(url, WINDOW_NAME, WINDOW_FEATURES);
  if (speakerWindow && !speakerWindow.closed) {
    link?.addPeer(speakerWindow);
    return true;
  }
  speakerWindow = null;
  void import('./popup-blocked.ts').then(({ showPopupBlocked }) => showPopupBlocked(url, strings));
  return false;
}

function deckState(reveal: RevealApi): DeckState {
  const { h, v, f } = reveal.getIndices();
  return {
    type: 'state',
    h: h ?? 0,
    v: v ?? 0,
    f: f ?? -1,
    id: reveal.getCurrentSlide()?.id ?? '',
    paused: reveal.isPaused(),
    overview: reveal.isOverview(),
  };
}

function follow(reveal: RevealApi, message: SpeakerMessage): void {
  switch (message.type) {
    case 'go':
      reveal.slide(message.h, message.v, message.f);
      break;
    case 'next':
      reveal.next();
      break;
    case 'prev':
      reveal.prev();
      break;
    case 'toggle-pause':
      reveal.togglePause();
      break;
    default:
      break;
  }
}

const STATE_EVENTS = ['slidechanged', 'fragmentshown', 'fragmenthidden', 'paused', 'resumed', 'overviewshown', 'overviewhidden'];

export function speakerNotes(reveal: RevealApi, deckStrings: Strings): () => void {
  if (pageRole() !== 'audience') return () => {};
  strings = deckStrings;

  reveal.addKeyBinding({ keyCode: S_KEY, key: 'S', description: strings.speakerViewKey }, () => void openSpeakerView());

  const firstTime = onceById();
  const report = () => link?.send(deckState(reveal));
  const speakers = createSpeakerLink((message: SpeakerMessage) => {
    if (message.type === 'state' || message.type === 'closed' || !firstTime(message.id)) return;
    follow(reveal, message);
    // Answer every command, even one that changed nothing, so the speaker view knows the deck is there.
    report();
  });
  link = speakers;
  for (const name of STATE_EVENTS) reveal.on(name, report);
  document.addEventListener(DECK_UPDATED_EVENT, report);
  // A speaker view that outlived a reload of the deck picks the deck up again.
  report();

  return () => {
    for (const name of STATE_EVENTS) reveal.off(name, report);
    document.removeEventListener(DECK_UPDATED_EVENT, report);
    speakers.send({ type: 'closed' });
    speakers.close();
    link = null;
  };
}

/**
 * Registered under reveal.js's notes plugin id, so tools and scripts that call
 * `Reveal.getPlugin('notes').open()` open this speaker view.
 */
export const speakerNotesPlugin = (): RevealPlugin & { open(): boolean } => ({ id: 'notes', open: openSpeakerView });
