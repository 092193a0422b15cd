/**
 * The deck's side of the speaker view: `S` opens it in a window of its own
 * (the same page with `?speaker`, whose code loads only there), and the deck
 * answers it over a BroadcastChannel: it reports every slide change and
 * follows the speaker view's commands. If the browser blocks the window, the
 * deck says so and offers a link instead.
 */
import type { RevealApi } from 'reveal.js';
import { pageRole, roleUrl } from './page-role.ts';
import { DECK_UPDATED_EVENT } from './hot-reload.ts';
import { speakerChannelName, type DeckState, type SpeakerMessage } from './speaker-view/speaker-protocol.ts';

const WINDOW_NAME = 'deck-speaker';
const WINDOW_FEATURES = 'popup,width=1280,height=800';
const S_KEY = 83;

let speakerWindow: Window | null = null;

/** Opens (or brings forward) the speaker view; `false` when the browser blocked the window. */
export function openSpeakerView(): boolean {
  if (speakerWindow && !speakerWindow.closed) {
    speakerWindow.focus();
    return true;
  }
  const url = roleUrl('speaker');
  speakerWindow = window.open(url, WINDOW_NAME, WINDOW_FEATURES);
  if (speakerWindow && !speakerWindow.closed) return true;
  speakerWindow = null;
  void import('./popup-blocked.ts').then(({ showPopupBlocked }) => showPopupBlocked(url));
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

export function speakerNotes(reveal: RevealApi): () => void {
  if (pageRole() !== 'audience') return () => {};

  reveal.addKeyBinding({ keyCode: S_KEY, key: 'S', description: 'Sprecheransicht' }, () => void openSpeakerView());
  if (typeof BroadcastChannel === 'undefined') return () => {};

  const channel = new BroadcastChannel(speakerChannelName());
  const report = () => channel.postMessage(deckState(reveal));
  channel.onmessage = (event: MessageEvent<SpeakerMessage>) => {
    const message = event.data;
    if (message.type === 'state' || message.type === 'closed') return;
    follow(reveal, message);
    // Answer every command, even one that changed nothing, so the speaker view knows the deck is there.
    report();
  };
  for (const name of STATE_EVENTS) reveal.on(name, report);
  document.addEventListener(DECK_UPDATED_EVENT, report);
  // A speaker view that outlived a reload of the deck picks the deck up again.
  report();

  return () => {
    channel.postMessage({ type: 'closed' } satisfies SpeakerMessage);
    for (const name of STATE_EVENTS) reveal.off(name, report);
    document.removeEventListener(DECK_UPDATED_EVENT, report);
    channel.close();
  };
}
