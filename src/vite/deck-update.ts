/** What changed between two compiled decks, as a hot-reload payload. */
import { renderSection, renderSections, toManifest } from '../compiler/index.ts';
import type { CompiledDeck, DeckUpdate, Slide, SlideChange } from '../types.ts';

const sameShape = (before: CompiledDeck, after: CompiledDeck) =>
  before.slides.length === after.slides.length && before.slides.every((slide, i) => slide.h === after.slides[i]!.h && slide.v === after.slides[i]!.v);

/** A slide the compile cache reused is the same object: only the others are rendered to compare. */
function slideChange(was: Slide, slide: Slide, index: number): SlideChange | null {
  if (was === slide) return null;
  const html = renderSection(slide);
  if (html === renderSection(was) && was.title === slide.title) return null;
  // A notes-only edit leaves the slide (and its running chart) alone in the deck.
  const notesOnly = renderSection({ ...slide, notesHtml: '' }) === renderSection({ ...was, notesHtml: '' });
  const { id, h, v, title, file, line } = slide;
  return { index, id: was.id, html, ...(notesOnly && { notesOnly }), slide: { id, h, v, title, file, line } };
}

/** `null` when nothing visible changed; `'reload'` when the settings changed. */
export function diffDecks(before: CompiledDeck, after: CompiledDeck): DeckUpdate | 'reload' | null {
  if (JSON.stringify(before.settings) !== JSON.stringify(after.settings)) return 'reload';
  if (!sameShape(before, after)) return { kind: 'structure', html: renderSections(after.slides), manifest: toManifest(after) };
  const changed = after.slides.flatMap((slide, index) => slideChange(before.slides[index]!, slide, index) ?? []);
  return changed.length ? { kind: 'content', changed } : null;
}

/** The same deck for the page and the terminal: settings, findings and every slide as rendered. */
export function sameDeck(a: CompiledDeck, b: CompiledDeck): boolean {
  return (
    JSON.stringify(a.settings) === JSON.stringify(b.settings) &&
    JSON.stringify(a.diagnostics) === JSON.stringify(b.diagnostics) &&
    sameShape(a, b) &&
    a.slides.every((slide, i) => slide === b.slides[i] || (slide.id === b.slides[i]!.id && slide.title === b.slides[i]!.title && renderSection(slide) === renderSection(b.slides[i]!)))
  );
}
