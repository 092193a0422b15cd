/**
 * The audience's deck under `deck present`: it follows the presenter's place (slide, fragment step,
 * overview, blackout; a chart's build-up steps are fragments too). A viewer may browse on their own;
 * the page then stays where they are and shows a "back to live" button until they return (by the
 * button, or by finding the live place themselves). The page only listens: it never sends.
 */
import './audience-follow.css';
import type { RevealApi } from 'reveal.js';
import type { PresentPageConfig, TalkState } from '../../present/protocol.ts';
import type { Strings } from '../../strings/strings.ts';
import { PLACE_EVENTS } from './presenter-sync.ts';
import { connectRelay, relayUrl, type RelayStatus } from './relay-connection.ts';
import { revealPlace, samePlace, showPlace, type TalkPlace } from './talk-place.ts';

/** How long a drop lasts before the viewer is told (a reconnect usually takes less). */
const SHOW_DROP_AFTER_MS = 2000;

export const BACK_TO_LIVE_CLASS = 'deck-back-to-live';
export const LIVE_STATUS_CLASS = 'deck-live-status';

const placeOf = ({ h, v, f, overview, blackout }: TalkState): TalkPlace => ({ h, v, f, overview, blackout });

export function audienceFollow(reveal: RevealApi, config: PresentPageConfig, s: Strings): () => void {
  let live: TalkPlace | null = null;
  // The projector's view, on a phone too: reveal.js's scroll view (a narrow screen's) plays fragments and a chart's
  // steps by scrolling, so it could not show the step the presenter is at.
  reveal.configure({ scrollActivationWidth: 0 });

  const button = document.createElement('button');
  button.type = 'button';
  button.className = BACK_TO_LIVE_CLASS;
  button.textContent = s.presentBackToLive;
  button.hidden = true;
  const status = document.createElement('div');
  status.className = LIVE_STATUS_CLASS;
  status.setAttribute('role', 'status');
  status.hidden = true;
  document.body.append(button, status);

  const offLive = () => live !== null && !samePlace(revealPlace(reveal), live);
  const showButton = () => {
    button.hidden = !offLive();
  };
  const follow = () => {
    if (live) showPlace(reveal, live);
    showButton();
  };

  let dropTimer: number | undefined;
  const showStatus = (relay: RelayStatus) => {
    window.clearTimeout(dropTimer);
    if (relay === 'open') status.hidden = true;
    else
      dropTimer = window.setTimeout(() => {
        status.textContent = s.presentReconnecting;
        status.hidden = false;
      }, SHOW_DROP_AFTER_MS);
  };

  const connection = connectRelay(relayUrl(window.location.href, config.relay), {
    message(message) {
      if (message.type !== 'state') return;
      // A viewer at the live place follows on; one who browsed away stays until they return.
      const following = !offLive();
      live = placeOf(message.state);
      if (following) follow();
      else showButton();
    },
    status: showStatus,
  });
  button.addEventListener('click', follow);
  for (const name of PLACE_EVENTS) reveal.on(name, showButton);

  return () => {
    for (const name of PLACE_EVENTS) reveal.off(name, showButton);
    window.clearTimeout(dropTimer);
    connection.close();
    button.remove();
    status.remove();
  };
}
