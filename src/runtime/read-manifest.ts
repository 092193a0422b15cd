/**
 * The deck's manifest, from the page: the build (and the dev server) put it in
 * `<script type="application/json" id="deck-manifest">`. Null when the page has
 * none: the dev server serves a deck with errors without it (and shows them).
 */
import { MANIFEST_ELEMENT_ID, type DeckManifest } from '../types.ts';

export function readManifest(): DeckManifest | null {
  const json = document.getElementById(MANIFEST_ELEMENT_ID)?.textContent;
  return json ? (JSON.parse(json) as DeckManifest) : null;
}
