/**
 * A deck without its speaker notes, for copies shared with an audience (`deck build --no-notes`,
 * `deck export --html --no-notes`, the audience's deck of `deck present`): the notes' text and
 * markup are gone, so no `<aside class="notes">` is written at all, not even hidden. A `.slide`
 * comment written among the notes still sets its slide's attributes (they are the slide's, not notes).
 */
import type { Slide } from '../types.ts';

export function withoutNotes<Deck extends { slides: readonly Slide[] }>(deck: Deck): Deck {
  return { ...deck, slides: deck.slides.map((slide) => ({ ...slide, notesHtml: '', notesText: '' })) };
}
