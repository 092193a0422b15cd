/**
 * The language of a deck that does not name one (`lang:`), as reveal-md decks never do: English when
 * its prose reads as English, German otherwise (the app is German first). Only the two languages the
 * deck's texts exist in are told apart. First by their most frequent short words and by umlauts; where
 * those do not decide (a short deck of headings and bullets: "Revenue grew 12 %", "Next steps"), by
 * franc's character trigrams, given enough letters; with too little to go by, German.
 */
import { franc } from 'franc-min';

/** The deck's language shows in its first pages: a large deck is not read whole (every compile, hot reloads too, runs this). */
const SAMPLE_CHARACTERS = 20_000;

const GERMAN = new Set(['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'für', 'ein', 'eine', 'auf', 'zu', 'den', 'im', 'sich', 'von', 'auch', 'wir', 'wie', 'es']);
const ENGLISH = new Set(['the', 'and', 'is', 'of', 'to', 'for', 'with', 'that', 'this', 'on', 'are', 'you', 'we', 'it', 'be', 'as', 'by', 'from', 'not', 'what']);
/** English function words enough to decide without trigrams, when German ones are fewer than half as many. */
const ENOUGH_WORDS = 5;
/** Letters of prose (charts' values not counted) franc needs to tell the two apart: with some English function word, and with none. */
const LETTERS_WITH_A_HINT = 15;
const LETTERS_WITHOUT = 40;
/** The value of a line of a chart's YAML: its words count as evidence (a German deck's `source: Geschäftsbericht`), not as prose for trigrams (`Cash`, `Plan`, `JSON`). */
const CHART_VALUE = /^[\s-]*[\w-]+\s*:\s*(.*)$/;

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

/** A slides file's prose, without front matter, code (to its closing fence or the end), HTML and markup; and its charts' values. */
function prose(text: string): { prose: string; chartValues: string } {
  const lines: string[] = [];
  const values: string[] = [];
  let fence: string | null = null;
  let chart = false;
  for (const line of text.replace(FRONT_MATTER, '').split('\n')) {
    if (fence !== null) {
      const closing = CLOSING_FENCE.exec(line)?.[1];
      if (closing && closing[0] === fence[0] && closing.length >= fence.length) fence = null;
      else if (chart) values.push(CHART_VALUE.exec(line)?.[1] ?? '');
      continue;
    }
    const opening = FENCE.exec(line)?.[1];
    if (opening) {
      fence = opening;
      chart = /^\s*chart\b/.test(line.slice(line.indexOf(opening) + opening.length));
    } else lines.push(line);
  }
  return { prose: NOT_PROSE.reduce((rest, pattern) => rest.replace(pattern, ' '), withoutComments(lines.join('\n'))), chartValues: values.join('\n') };
}

export function detectLanguage(texts: readonly string[]): 'de' | 'en' {
  let sample = '';
  let chartValues = '';
  for (const text of texts) {
    if (sample.length >= SAMPLE_CHARACTERS) break;
    const read = prose(text.slice(0, SAMPLE_CHARACTERS));
    sample += `${read.prose}\n`;
    chartValues += `${read.chartValues}\n`;
  }
  sample = sample.slice(0, SAMPLE_CHARACTERS);
  let german = 0;
  let english = 0;
  let letters = 0;
  for (const [word] of `${sample}\n${chartValues.slice(0, SAMPLE_CHARACTERS)}`.toLowerCase().matchAll(/\p{L}+/gu)) {
    if (GERMAN.has(word) || /[äöüß]/.test(word)) german++;
    else if (ENGLISH.has(word)) english++;
  }
  for (const [word] of sample.matchAll(/\p{L}+/gu)) letters += word.length;
  if (english >= ENOUGH_WORDS && english > 2 * german) return 'en';
  if (german > 0 && german >= english) return 'de';
  if (letters < (english > 0 ? LETTERS_WITH_A_HINT : LETTERS_WITHOUT)) return 'de';
  return franc(sample, { only: ['deu', 'eng'], minLength: 1 }) === 'eng' ? 'en' : 'de';
}
