/** The deck without slide bodies: what the runtime reads from the page (`#deck-manifest`) and hot updates carry. */
import type { CompiledDeck, DeckManifest } from '../types.ts';

export function toManifest(deck: Pick<CompiledDeck, 'settings' | 'slides'>): DeckManifest {
  return {
    settings: deck.settings,
    slides: deck.slides.map(({ id, h, v, title, file, line }) => ({ id, h, v, title, file, line })),
  };
}

/** JSON safe inside a `<script>` element: with every `<` escaped, no `</script>` or `<!--` can end or confuse it. */
export function manifestScriptJson(manifest: DeckManifest): string {
  return JSON.stringify(manifest).replace(/</g, '\\u003c');
}
