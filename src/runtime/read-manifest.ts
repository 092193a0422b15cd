/**
 * The deck's manifest, from the page: the build (and the dev server) put its settings in
 * `<script type="application/json" id="deck-manifest">` and the slides' entries in
 * `#deck-slide-index`. The entries grow with the deck and the first slide needs none of them:
 * they are parsed when first read (the speaker view, a hot reload, a link in the reading view).
 * Null when the page has none: the dev server serves a deck with errors without it (and shows them).
 */
import { MANIFEST_ELEMENT_ID, SLIDE_INDEX_ELEMENT_ID, type DeckManifest } from '../types.ts';

export function readManifest(): DeckManifest | null {
  const json = document.getElementById(MANIFEST_ELEMENT_ID)?.textContent;
  if (!json) return null;
  const { settings, laterSlides } = JSON.parse(json) as Pick<DeckManifest, 'settings' | 'laterSlides'>;
  let slides: DeckManifest['slides'] | undefined;
  return {
    settings,
    ...(laterSlides && { laterSlides }),
    get slides() {
      slides ??= JSON.parse(document.getElementById(SLIDE_INDEX_ELEMENT_ID)?.textContent || '[]') as DeckManifest['slides'];
      return slides;
    },
  };
}
