/**
 * Applies slide edits pushed by the dev server without reloading: changed
 * slides are swapped in place (same slide, same fragment; edited notes alone
 * leave the slide and its chart untouched), a structural
 * change rebuilds the slides and returns to the same slide, or the nearest
 * one. Afterwards `deck:updated` tells the speaker link and others.
 */
import type { RevealApi } from 'reveal.js';
import { DECK_UPDATE_EVENT, type DeckManifest, type DeckUpdate } from '../types.ts';
import type { ChartFeature } from './charts/chart-feature.ts';
import { NOTES_SELECTOR, SOURCE_ATTRIBUTE } from '../page-contract.ts';
import { nearestSlide } from './nearest-slide.ts';

/** Fired on `document` after an update was applied; `detail` is the update. */
export const DECK_UPDATED_EVENT = 'deck:updated';

/** reveal.js's state classes, kept on a slide that is swapped in place. */
const STATE_CLASSES = ['present', 'past', 'future', 'visible'];

/** The deck's slides in presentation order (stacks flattened), as the compiler numbers them. */
export function flatSlides(container: ParentNode | null | undefined): HTMLElement[] {
  return Array.from(container?.querySelectorAll<HTMLElement>(`section[${SOURCE_ATTRIBUTE}]`) ?? []);
}

function parseSections(html: string): HTMLElement[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return Array.from(template.content.children) as HTMLElement[];
}

/** Puts the update's markup into `container` (the `.slides` element), without reveal.js. */
export function applyUpdateMarkup(container: HTMLElement, update: DeckUpdate): void {
  if (update.kind === 'structure') {
    container.innerHTML = update.html;
    return;
  }
  const slides = flatSlides(container);
  for (const { index, html, notesOnly } of update.changed) {
    const [fresh] = parseSections(html);
    const old = slides[index];
    if (!fresh || !old) continue;
    if (notesOnly) {
      old.querySelectorAll(`:scope > ${NOTES_SELECTOR}`).forEach((notes) => notes.remove());
      old.append(...Array.from(fresh.querySelectorAll(`:scope > ${NOTES_SELECTOR}`)));
      continue;
    }
    fresh.classList.add(...Array.from(old.classList).filter((c) => STATE_CLASSES.includes(c)));
    old.replaceWith(fresh);
  }
}

/** Vite shows build errors in this element; a good update after a bad one removes it. */
export function clearErrorOverlay(): void {
  document.querySelectorAll<HTMLElement & { close?: () => void }>('vite-error-overlay').forEach((overlay) => (overlay.close ? overlay.close() : overlay.remove()));
}

/** Runs on the new markup before reveal.js reads it (e.g. to set slide backgrounds). */
export type PrepareSlides = (container: HTMLElement) => void;

export function applyUpdate(reveal: RevealApi, update: DeckUpdate, before: DeckManifest, charts: ChartFeature, prepare?: PrepareSlides): void {
  const container = reveal.getSlidesElement();
  if (!container) return;
  if (update.kind === 'structure' && reveal.isScrollView()) {
    // The scroll view wraps every slide in pages of its own; rebuilding them in place is
    // not supported by reveal.js, and the hash brings the reader back to the same slide.
    window.location.reload();
    return;
  }
  const { h, v, f } = reveal.getIndices();
  const current = flatSlides(container).indexOf(reveal.getCurrentSlide());
  applyUpdateMarkup(container, update);
  prepare?.(container);
  reveal.sync();

  if (update.kind === 'content') {
    reveal.slide(h ?? 0, v ?? 0, f ?? undefined);
  } else {
    const target = update.manifest.slides[nearestSlide(before.slides, current, update.manifest.slides)];
    const sameSlide = target && target.id === before.slides[current]?.id;
    if (target) reveal.slide(target.h, target.v, sameSlide ? (f ?? undefined) : undefined);
  }
  void charts.drawCurrent();
}

export function hotReload(reveal: RevealApi, charts: ChartFeature, manifest: DeckManifest, prepare?: PrepareSlides): () => void {
  if (!import.meta.hot) return () => {};
  const hot = import.meta.hot;
  let current = manifest;
  const listener = (update: DeckUpdate) => {
    applyUpdate(reveal, update, current, charts, prepare);
    current = update.manifest;
    clearErrorOverlay();
    document.dispatchEvent(new CustomEvent<DeckUpdate>(DECK_UPDATED_EVENT, { detail: update }));
  };
  hot.on(DECK_UPDATE_EVENT, listener);
  return () => hot.off(DECK_UPDATE_EVENT, listener);
}
