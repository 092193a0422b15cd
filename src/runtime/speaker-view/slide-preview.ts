/**
 * A live preview of one slide: the deck itself in an iframe (`?receiver`),
 * so slides, charts and theme look exactly as the audience sees them. It is
 * steered through reveal.js's postMessage API, which also works where the
 * frame's document is out of reach (pages opened from `file://`).
 */
import { roleUrl } from '../page-role.ts';

export interface SlideTarget {
  h: number;
  v: number;
  f: number;
}

export interface SlidePreview {
  readonly frame: HTMLIFrameElement;
  show(target: SlideTarget | null): void;
  dispose(): void;
}

/** reveal.js posts its events to the parent window when `postMessageEvents` is on (see presenting-config.ts). */
function isRevealReady(data: unknown): boolean {
  if (typeof data !== 'string') return false;
  try {
    const message = JSON.parse(data) as { namespace?: string; eventName?: string };
    return message.namespace === 'reveal' && message.eventName === 'ready';
  } catch {
    return false;
  }
}

export function createSlidePreview(label: string): SlidePreview {
  const frame = document.createElement('iframe');
  frame.className = 'speaker-frame';
  frame.title = label;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  frame.src = roleUrl('preview');

  let wanted: SlideTarget | null = null;

  function apply() {
    if (!wanted) return;
    const message = { method: 'slide', args: [wanted.h, wanted.v, wanted.f] };
    frame.contentWindow?.postMessage(JSON.stringify(message), '*');
  }

  // The frame's deck says when it is ready (again, after a reload on the dev server).
  const onMessage = (event: MessageEvent) => {
    if (event.source === frame.contentWindow && isRevealReady(event.data)) apply();
  };
  window.addEventListener('message', onMessage);
  frame.addEventListener('load', apply);

  return {
    frame,
    show(target) {
      wanted = target;
      frame.hidden = target === null;
      apply();
    },
    dispose() {
      window.removeEventListener('message', onMessage);
    },
  };
}
