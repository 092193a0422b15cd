/** The deck without slide bodies: what the runtime reads from the page (`#deck-manifest`, `#deck-slide-index`) and structure updates carry. */
import type { CompiledDeck, DeckManifest } from '../types.ts';

export function toManifest(deck: Pick<CompiledDeck, 'settings' | 'slides'>): DeckManifest {
  return {
    settings: deck.settings,
    slides: deck.slides.map(({ id, h, v, title, file, line }) => ({ id, h, v, title, file, line })),
  };
}

/** JSON safe inside a `<script>` element: with every `<` escaped, no `</script>` or `<!--` can end or confuse it. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
