/**
 * The reading view's notes: hidden until the reader asks for them with one button (fixed in the
 * corner, so it is at hand anywhere on the page), then shown under every slide (reading-view.css).
 * A deck without notes gets no button.
 */
import type { Strings } from '../strings/strings.ts';
import { NOTES_SELECTOR } from '../page-contract.ts';

/** On the viewport element while the notes are shown. */
export const NOTES_SHOWN_CLASS = 'deck-reading-notes';
export const NOTES_TOGGLE_CLASS = 'deck-reading-notes-toggle';

export function readingNotesToggle(viewport: HTMLElement, slides: HTMLElement, strings: Strings): () => void {
  if (!slides.querySelector(NOTES_SELECTOR)) return () => {};
  const button = document.createElement('button');
  button.type = 'button';
  button.className = NOTES_TOGGLE_CLASS;
  const show = (shown: boolean) => {
    viewport.classList.toggle(NOTES_SHOWN_CLASS, shown);
    button.setAttribute('aria-pressed', String(shown));
    button.textContent = shown ? strings.readingHideNotes : strings.readingShowNotes;
  };
  show(false);
  button.addEventListener('click', () => show(!viewport.classList.contains(NOTES_SHOWN_CLASS)));
  document.body.append(button);
  return () => {
    button.remove();
    viewport.classList.remove(NOTES_SHOWN_CLASS);
  };
}
