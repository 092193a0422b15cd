/**
 * The language of a deck that does not name one (`lang:`), as reveal-md decks never do: English when
 * its prose reads as English, German otherwise (the app is German first). Only the two languages the
 * deck's texts exist in are told apart, by franc (character trigrams), which also decides a short deck
 * of headings and bullets without a single function word ("Revenue grew 12 %", "Next steps").
 */
import { franc } from 'franc-min';

/** The deck's language shows in its first pages: a large deck is not read whole (every compile, hot reloads too, runs this). */
const SAMPLE_CHARACTERS = 20_000;

/** Less prose than this is too little to tell: German. */
const ENOUGH_CHARACTERS = 10;

/** Front matter: English keys. Anchored at the start, so at most one scan of the text. */
const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;
/** A line opening or closing fenced code or a chart. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*\r?$/;

/**
 * What is not prose within the lines left: tags, code spans, links' targets, addresses, attribute
 * blocks, container fences and reveal-md's `Note:`. None scans past the next of its own opening
 * characters, so a long run of them takes linear time (tests/unit/compiler-fuzz.test.ts).
 */
const NOT_PROSE: readonly RegExp[] = [/<[^<>]*>/g, /`[^`\n]*`/g, /\]\([^()]*\)/g, /https?:\/\/\S+/g, /\{[^{}\n]*\}/g, /^[ \t]*(?::::.*|notes?:)/gim];

/** The text without HTML comments (reveal.js's `<!-- .slide: … -->` among them); an unclosed one runs to the end. */
function withoutComments(text: string): string {
  let kept = '';
  let at = 0;
  for (;;) {
    const open = text.indexOf('<!--', at);
    if (open < 0) return kept + text.slice(at);
    kept += `${text.slice(at, open)} `;
    const close = text.indexOf('-->', open + 4);
    if (close < 0) return kept;
    at = close + 3;
  }
}

/** A slides file's prose: without front matter, fenced code and charts (to their closing fence or the end), HTML and markup. */
function prose(text: string): string {
  const lines: string[] = [];
  let fence: string | null = null;
  for (const line of text.replace(FRONT_MATTER, '').split('\n')) {
    if (fence !== null) {
      const closing = CLOSING_FENCE.exec(line)?.[1];
      if (closing && closing[0] === fence[0] && closing.length >= fence.length) fence = null;
      continue;
    }
    const opening = FENCE.exec(line)?.[1];
    if (opening) fence = opening;
    else lines.push(line);
  }
  return NOT_PROSE.reduce((rest, pattern) => rest.replace(pattern, ' '), withoutComments(lines.join('\n')));
}

export function detectLanguage(texts: readonly string[]): 'de' | 'en' {
  let sample = '';
  for (const text of texts) {
    if (sample.length >= SAMPLE_CHARACTERS) break;
    sample += `${prose(text.slice(0, SAMPLE_CHARACTERS))}\n`;
  }
  return franc(sample.slice(0, SAMPLE_CHARACTERS), { only: ['deu', 'eng'], minLength: ENOUGH_CHARACTERS }) === 'eng' ? 'en' : 'de';
}
