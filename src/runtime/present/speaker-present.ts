/**
 * The speaker view under `deck present`: its stopwatch becomes the talk's (kept by the presenter's
 * deck, the same on the remote), and a "Remote QR" button shows the QR codes the server draws, so
 * the phone is paired by scanning instead of typing a URL with a token in it.
 */
import './speaker-present.css';
import { AUDIENCE_QR_PATH, REMOTE_QR_PATH } from '../../page-contract.ts';
import type { Strings } from '../../strings/strings.ts';
import type { SpeakerLayout } from '../speaker-view/speaker-layout.ts';
import { readPresentConfig } from './present-config.ts';
import { connectRelay, relayUrl } from './relay-connection.ts';
import { createTalkStopwatch, type TalkStopwatch } from './talk-stopwatch.ts';

export interface SpeakerPresent {
  stopwatch: TalkStopwatch;
  dispose(): void;
}

function qrFigure(src: string, url: string | undefined, hint: string): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'speaker-qr';
  const image = document.createElement('img');
  image.src = src;
  image.alt = hint;
  image.width = image.height = 240;
  const caption = document.createElement('figcaption');
  caption.append(hint);
  if (url) {
    const link = document.createElement('a');
    link.href = link.textContent = url;
    link.target = '_blank';
    link.rel = 'noopener';
    caption.append(document.createElement('br'), link);
  }
  figure.append(image, caption);
  return figure;
}

function qrDialog(s: Strings, remoteUrl: string | undefined, audienceUrl: string | undefined): HTMLDialogElement {
  const dialog = document.createElement('dialog');
  dialog.className = 'speaker-qr-dialog';
  dialog.setAttribute('aria-label', s.speakerRemoteQr);
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'speaker-button speaker-qr-close';
  close.textContent = s.speakerCloseDialog;
  close.addEventListener('click', () => dialog.close());
  // Relative to the speaker view's own URL, so under its token (`/p/<T>/_present/…`).
  dialog.append(qrFigure(REMOTE_QR_PATH, remoteUrl, s.speakerRemoteQrHint), qrFigure(AUDIENCE_QR_PATH, audienceUrl, s.speakerAudienceQrHint), close);
  // A click on the backdrop closes it too.
  dialog.addEventListener('click', (event) => event.target === dialog && dialog.close());
  return dialog;
}

/**
 * Null when the page was not served by `deck present` as the presenter's (the audience's copy has a speaker view
 * too, without notes, and may only listen). `changed` redraws the stopwatch.
 */
export function speakerPresent(layout: SpeakerLayout, s: Strings, changed: () => void): SpeakerPresent | null {
  const config = readPresentConfig();
  if (config?.role !== 'presenter') return null;
  const stopwatch = createTalkStopwatch((command) => connection.send({ type: 'command', command }));
  const connection = connectRelay(relayUrl(window.location.href, config.relay, 'speaker'), {
    message(message) {
      if (message.type !== 'state') return;
      stopwatch.update(message.state.timer);
      changed();
    },
  });

  const dialog = qrDialog(s, config.remoteUrl, config.audienceUrl);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'speaker-button speaker-remote-qr';
  button.textContent = s.speakerRemoteQr;
  button.addEventListener('click', () => dialog.showModal());
  layout.blackout.after(button);
  layout.root.append(dialog);

  return {
    stopwatch,
    dispose() {
      connection.close();
      button.remove();
      dialog.remove();
    },
  };
}
