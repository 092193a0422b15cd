/**
 * The language of a deck that does not name one (`lang:`), as reveal-md decks never do: English when
 * its text is clearly English, German otherwise (the app is German first). Only the two languages the
 * deck's texts exist in are told apart, by their most frequent short words.
 */
const GERMAN = new Set(['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'für', 'ein', 'eine', 'auf', 'zu', 'den', 'im', 'sich', 'von', 'auch', 'wir', 'wie', 'es']);
const ENGLISH = new Set(['the', 'and', 'is', 'of', 'to', 'for', 'with', 'that', 'this', 'on', 'are', 'you', 'we', 'it', 'be', 'as', 'by', 'from', 'not', 'what']);

/** Words needed before the text counts as English at all. */
const ENOUGH_WORDS = 5;

/** The deck's language shows in its first pages: a large deck is not read whole (every compile, hot reloads too, runs this). */
const SAMPLE_CHARACTERS = 20_000;

export function detectLanguage(texts: readonly string[]): 'de' | 'en' {
  let german = 0;
  let english = 0;
  let left = SAMPLE_CHARACTERS;
  for (const text of texts) {
    if (left <= 0) break;
    const sample = text.slice(0, left);
    left -= sample.length;
    for (const [word] of sample.toLowerCase().matchAll(/\p{L}+/gu)) {
      if (GERMAN.has(word)) german++;
      else if (ENGLISH.has(word)) english++;
    }
  }
  return english >= ENOUGH_WORDS && english > 2 * german ? 'en' : 'de';
}
