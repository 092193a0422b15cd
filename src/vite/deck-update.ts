/** What changed between two compiled decks, as a hot-reload payload. */
import { renderSection, renderSections, toManifest } from '../compiler/index.ts';
import type { CompiledDeck, DeckUpdate } from '../types.ts';

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
