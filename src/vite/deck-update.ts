/** What changed between two compiled decks, as a hot-reload payload. */
import { renderSection, renderSections } from '../compiler/render-sections.ts';
import type { CompiledDeck, DeckManifest, DeckUpdate } from '../types.ts';

export function toManifest(deck: CompiledDeck): DeckManifest {
  return {
    settings: deck.settings,
    slides: deck.slides.map(({ id, h, v, title, file, line }) => ({ id, h, v, title, file, line })),
  };
}

/** `null` when nothing visible changed; `'reload'` when the settings changed. */
export function diffDecks(before: CompiledDeck, after: CompiledDeck): DeckUpdate | 'reload' | null {
  if (JSON.stringify(before.settings) !== JSON.stringify(after.settings)) return 'reload';
  const manifest = toManifest(after);
  const sameShape =
    before.slides.length === after.slides.length &&
    before.slides.every((slide, i) => slide.h === after.slides[i]!.h && slide.v === after.slides[i]!.v);
  if (!sameShape) return { kind: 'structure', html: renderSections(after.slides), manifest };
  const changed = after.slides.flatMap((slide, index) => {
    const was = before.slides[index]!;
    const html = renderSection(slide);
    if (html === renderSection(was)) return [];
    // A notes-only edit leaves the slide (and its running chart) alone in the deck.
    const notesOnly = renderSection({ ...slide, notesHtml: '' }) === renderSection({ ...was, notesHtml: '' });
    return [{ index, html, ...(notesOnly && { notesOnly }) }];
  });
  return changed.length ? { kind: 'content', changed, manifest } : null;
}
