/**
 * A live preview of one slide: the deck itself in an iframe (`?receiver`),
 * so slides, charts and theme look exactly as the audience sees them. The
 * frame has the same origin, so the speaker view drives its `window.Reveal`.
 */
import type { RevealApi } from 'reveal.js';
import { roleUrl } from '../page-role.ts';

export interface SlideTarget {
  h: number;
  v: number;
  f: number;
}

export interface SlidePreview {
  readonly frame: HTMLIFrameElement;
  show(target: SlideTarget | null): void;
}

type PreviewWindow = Window & { Reveal?: RevealApi };

export function createSlidePreview(label: string): SlidePreview {
  const frame = document.createElement('iframe');
  frame.className = 'speaker-frame';
  frame.title = label;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  frame.src = roleUrl('preview');

  let wanted: SlideTarget | null = null;

  function apply() {
    const view = frame.contentWindow as PreviewWindow | null;
    const reveal = view?.Reveal;
    if (!wanted || !reveal || !view.document.documentElement.hasAttribute('data-deck-ready')) return;
    reveal.slide(wanted.h, wanted.v, wanted.f);
  }

  // The frame's deck announces itself with `deck:ready`; it may also reload (dev server).
  frame.addEventListener('load', () => {
    const view = frame.contentWindow as PreviewWindow | null;
    view?.document.addEventListener('deck:ready', apply, { once: true });
    apply();
  });

  return {
    frame,
    show(target) {
      wanted = target;
      frame.hidden = target === null;
      apply();
    },
  };
}
