/**
 * Applies slide edits pushed by the dev server without reloading: changed
 * slides are swapped in place, a structural change rebuilds the slides and
 * returns to the same slide (or the nearest one). The speaker view follows.
 */
import type { RevealApi } from 'reveal.js';
import { DECK_UPDATE_EVENT, type DeckUpdate } from '../types.ts';
import type { ChartFeature } from './charts/chart-feature.ts';

function flatSlides(reveal: RevealApi): HTMLElement[] {
  return Array.from(reveal.getSlidesElement()?.querySelectorAll<HTMLElement>('section[data-source]') ?? []);
}

function parseSections(html: string): HTMLElement[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return Array.from(template.content.children) as HTMLElement[];
}

export function applyUpdate(reveal: RevealApi, update: DeckUpdate, charts: ChartFeature): void {
  const { h, v, f } = reveal.getIndices();
  if (update.kind === 'content') {
    const slides = flatSlides(reveal);
    for (const { index, html } of update.changed) {
      const [fresh] = parseSections(html);
      const old = slides[index];
      if (!fresh || !old) continue;
      // Keep reveal.js's state classes (present, past, future…) on the swapped slide.
      fresh.className = [fresh.className, ...Array.from(old.classList).filter((c) => ['present', 'past', 'future', 'visible'].includes(c))].join(' ').trim();
      old.replaceWith(fresh);
    }
  } else {
    const container = reveal.getSlidesElement();
    if (container) container.innerHTML = update.html;
  }
  reveal.sync();
  const last = reveal.getHorizontalSlides().length - 1;
  reveal.slide(Math.min(h ?? 0, last), v ?? 0, f ?? undefined);
  void charts.drawCurrent();
  // Tell the speaker view (and anything else listening) that the slide changed.
  reveal.dispatchEvent({ target: reveal.getCurrentSlide(), type: 'slidechanged', data: { indexh: reveal.getIndices().h, indexv: reveal.getIndices().v, previousSlide: null, currentSlide: reveal.getCurrentSlide() } });
}

export function hotReload(reveal: RevealApi, charts: ChartFeature): () => void {
  if (!import.meta.hot) return () => {};
  const hot = import.meta.hot;
  const listener = (update: DeckUpdate) => {
    applyUpdate(reveal, update, charts);
    document.dispatchEvent(new CustomEvent('deck:updated', { detail: update.kind }));
  };
  hot.on(DECK_UPDATE_EVENT, listener);
  return () => hot.off(DECK_UPDATE_EVENT, listener);
}
