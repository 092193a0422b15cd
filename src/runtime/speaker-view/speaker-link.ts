/**
 * How the deck and its speaker views reach each other. Over a
 * BroadcastChannel (any window of the deck's origin, even one opened from a
 * link, and either side may reload), and also by postMessage to the windows
 * each side knows (the window it opened, its opener, whoever wrote to it):
 * pages opened from `file://` have opaque origins, and there only that works.
 * A message may thus arrive twice; commands carry an id so the deck acts once.
 */
import { speakerChannelName, type SpeakerMessage } from './speaker-protocol.ts';

interface Envelope {
  deckSpeaker: SpeakerMessage;
  channel: string;
}

export interface SpeakerLink {
  send(message: SpeakerMessage): void;
  /** Also writes to `peer` (a window this one opened or was opened by). */
  addPeer(peer: Window | null): void;
  close(): void;
}

function isEnvelope(data: unknown, channel: string): data is Envelope {
  return typeof data === 'object' && data !== null && (data as Envelope).channel === channel && typeof (data as Envelope).deckSpeaker === 'object';
}

export function createSpeakerLink(receive: (message: SpeakerMessage) => void): SpeakerLink {
  const name = speakerChannelName();
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
  const peers = new Set<Window>();
  if (channel) channel.onmessage = (event: MessageEvent<SpeakerMessage>) => receive(event.data);

  const onWindowMessage = (event: MessageEvent) => {
    if (!isEnvelope(event.data, name)) return;
    // Whoever writes to us gets our answers (the deck after a reload, a speaker view it did not open).
    if (event.source && event.source !== window) peers.add(event.source as Window);
    receive(event.data.deckSpeaker);
  };
  window.addEventListener('message', onWindowMessage);

  return {
    send(message) {
      channel?.postMessage(message);
      for (const peer of peers) {
        if (peer.closed) peers.delete(peer);
        else peer.postMessage({ deckSpeaker: message, channel: name } satisfies Envelope, '*');
      }
    },
    addPeer(peer) {
      if (peer && peer !== window) peers.add(peer);
    },
    close() {
      channel?.close();
      window.removeEventListener('message', onWindowMessage);
      peers.clear();
    },
  };
}

/** Remembers the ids of the last commands, so one sent over both ways is followed once. */
export function onceById(limit = 64): (id: string) => boolean {
  const seen: string[] = [];
  return (id) => {
    if (seen.includes(id)) return false;
    seen.push(id);
    if (seen.length > limit) seen.shift();
    return true;
  };
}
