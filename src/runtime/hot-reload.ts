/**
 * Applies slide edits pushed by the dev server without reloading: changed
 * slides are swapped in place, found by id and synced with reveal.js one by one
 * (same slide, same fragment; edited notes alone
 * leave the slide and its chart untouched), a structural
 * change rebuilds the slides and returns to the same slide, or the nearest
 * one. Afterwards `deck:updated` tells the speaker link and others.
 */
import type { RevealApi } from 'reveal.js';
import { DECK_UPDATE_EVENT, type DeckManifest, type DeckUpdate } from '../types.ts';
import type { ChartFeature } from './charts/chart-feature.ts';
import { NOTES_SELECTOR, SOURCE_ATTRIBUTE } from '../page-contract.ts';
import { fillSlide } from './deferred-slides.ts';
import { nearestSlide } from './nearest-slide.ts';

/** Fired on `document` after an update was applied; `detail` is the update. */
export const DECK_UPDATED_EVENT = 'deck:updated';

/** reveal.js's state classes, kept on a slide whose markup is replaced. */
const STATE_CLASSES = ['present', 'past', 'future', 'visible'];
/** Attributes reveal.js sets on a slide's section, kept when its markup is replaced. */
const REVEAL_ATTRIBUTES = ['hidden', 'aria-hidden', 'inert'];
/** Inline style reveal.js sets on a slide's section (which slides are shown, and where). */
const REVEAL_STYLE_PROPERTIES = ['display', 'top'] as const;

/** The deck's slides in presentation order (stacks flattened), as the compiler numbers them. */
export function flatSlides(container: ParentNode | null | undefined): HTMLElement[] {
  return Array.from(container?.querySelectorAll<HTMLElement>(`section[${SOURCE_ATTRIBUTE}]`) ?? []);
}

/** The section of the slide with `id` in `container`, by the document's id index (no walk over the deck). */
function sectionById(container: HTMLElement, id: string): HTMLElement | null {
  const section = container.ownerDocument.getElementById(id);
  return section && container.contains(section) ? section : null;
}

/** Runs on the new markup before reveal.js reads it (e.g. to set slide backgrounds). */
export type PrepareSlides = (container: HTMLElement) => void;

/** The section of `html`, prepared while still detached. */
function freshSection(html: string, prepare?: PrepareSlides): HTMLElement | null {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  prepare?.(holder);
  return holder.firstElementChild as HTMLElement | null;
}

/**
 * Puts the update's markup into `container` (the `.slides` element), without reveal.js. Returns the
 * sections that replaced others (a structure update: none, the whole markup is new).
 */
export function applyUpdateMarkup(container: HTMLElement, update: DeckUpdate, prepare?: PrepareSlides): HTMLElement[] {
  if (update.kind === 'structure') {
    container.innerHTML = update.html;
    prepare?.(container);
    return [];
  }
  const replaced: HTMLElement[] = [];
  for (const { id, html, notesOnly } of update.changed) {
    const old = sectionById(container, id);
    const fresh = freshSection(html, prepare);
    if (!fresh || !old) continue;
    if (notesOnly) {
      // A body still carried as data would later overwrite the new notes.
      fillSlide(old);
      old.querySelectorAll(`:scope > ${NOTES_SELECTOR}`).forEach((notes) => notes.remove());
      old.append(...Array.from(fresh.querySelectorAll(`:scope > ${NOTES_SELECTOR}`)));
      continue;
    }
    takeOver(old, fresh);
    replaced.push(old);
  }
  return replaced;
}

/**
 * Gives `section` the attributes and content of `fresh`, keeping what reveal.js set on it (its state classes
 * and attributes, its inline display and position) and the element itself: reveal.js's current slide and the
 * background element it keeps on the section stay valid, so the shown slide needs no navigation, which would
 * go over every slide of the deck.
 */
function takeOver(section: HTMLElement, fresh: HTMLElement): void {
  const states = Array.from(section.classList).filter((c) => STATE_CLASSES.includes(c));
  const style = REVEAL_STYLE_PROPERTIES.map((name) => [name, section.style.getPropertyValue(name)] as const);
  for (const name of section.getAttributeNames()) if (!REVEAL_ATTRIBUTES.includes(name) && !fresh.hasAttribute(name)) section.removeAttribute(name);
  for (const name of fresh.getAttributeNames()) section.setAttribute(name, fresh.getAttribute(name)!);
  section.classList.add(...states);
  for (const [name, value] of style) if (value) section.style.setProperty(name, value);
  section.replaceChildren(...Array.from(fresh.childNodes));
}

/**
 * Runs `sync` with the slide's background element not in transition. reveal.js tells a slide dark or light
 * (its `has-dark-background` class, the theme's light text) by its background's computed colour when the
 * slide names none; mid-transition that is still the colour being taken away, and the slide would keep
 * light text on its now light background. Without the transition the colour is the new one at once.
 */
function withoutBackgroundTransition(section: HTMLElement, sync: () => void): void {
  const background = (section as HTMLElement & { slideBackgroundElement?: HTMLElement }).slideBackgroundElement;
  if (!background) return sync();
  const transition = background.style.transition;
  background.style.transition = 'none';
  try {
    sync();
  } finally {
    // reveal.js has read the computed colour: the change is taken, and later ones fade again.
    background.style.transition = transition;
  }
}

/** The manifest after `update`: a content update changes the entries of its slides only. */
export function manifestAfter(before: DeckManifest, update: DeckUpdate): DeckManifest {
  if (update.kind === 'structure') return update.manifest;
  for (const { index, slide } of update.changed) before.slides[index] = slide;
  return before;
}

/** Vite shows build errors in this element; a good update after a bad one removes it. */
export function clearErrorOverlay(): void {
  document.querySelectorAll<HTMLElement & { close?: () => void }>('vite-error-overlay').forEach((overlay) => (overlay.close ? overlay.close() : overlay.remove()));
}

export function applyUpdate(reveal: RevealApi, update: DeckUpdate, before: DeckManifest, charts: ChartFeature, prepare?: PrepareSlides): void {
  const container = reveal.getSlidesElement();
  if (!container) return;
  if (update.kind === 'structure' && reveal.isScrollView()) {
    // The scroll view wraps every slide in pages of its own; rebuilding them in place is
    // not supported by reveal.js, and the hash brings the reader back to the same slide.
    window.location.reload();
    return;
  }
  const { f } = reveal.getIndices();
  const shown = reveal.getCurrentSlide();
  if (update.kind === 'content') {
    const replaced = applyUpdateMarkup(container, update, prepare);
    // Only the replaced slides are made known to reveal.js (backgrounds, fragments, media), not the whole deck.
    for (const section of replaced) withoutBackgroundTransition(section, () => reveal.syncSlide(section));
    // The shown slide got new markup: the same fragments are shown again.
    if (shown && replaced.includes(shown)) reveal.navigateFragment(f ?? -1);
  } else {
    const current = flatSlides(container).indexOf(shown);
    applyUpdateMarkup(container, update, prepare);
    reveal.sync();
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
    current = manifestAfter(current, update);
    clearErrorOverlay();
    document.dispatchEvent(new CustomEvent<DeckUpdate>(DECK_UPDATED_EVENT, { detail: update }));
  };
  hot.on(DECK_UPDATE_EVENT, listener);
  return () => hot.off(DECK_UPDATE_EVENT, listener);
}
