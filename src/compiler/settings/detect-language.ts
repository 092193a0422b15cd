/**
 * The language of a deck that does not name one (`lang:`), as reveal-md decks never do: English when
 * its prose reads as English, German otherwise (the app is German first). Only the two languages the
 * deck's texts exist in are told apart. First by their most frequent short words and by umlauts; where
 * those do not decide (a short deck of headings and bullets: "Revenue grew 12 %", "Next steps"), by
 * franc's character trigrams, given enough letters; with too little to go by, German.
 */
import { franc } from 'franc-min';
import MarkdownIt from 'markdown-it';
import { splitFrontMatter } from '../split-slides.ts';

/** The deck's language shows in its first pages: a large deck is not read whole (every compile, hot reloads too, runs this). */
const SAMPLE_CHARACTERS = 8_000;

const GERMAN = new Set(['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'für', 'ein', 'eine', 'auf', 'zu', 'den', 'im', 'sich', 'von', 'auch', 'wir', 'wie', 'es']);
const ENGLISH = new Set(['the', 'and', 'is', 'of', 'to', 'for', 'with', 'that', 'this', 'on', 'are', 'you', 'we', 'it', 'be', 'as', 'by', 'from', 'not', 'what']);
/** English function words enough to decide without trigrams, when German ones are fewer than half as many. */
const ENOUGH_WORDS = 5;
/** Letters of prose (charts' values not counted) franc needs to tell the two apart: with some English function word, and with none. */
const LETTERS_WITH_A_HINT = 15;
const LETTERS_WITHOUT = 40;
/** The value of a line of a chart's YAML: its words count as evidence (a German deck's `source: Geschäftsbericht`), not as prose for trigrams (`Cash`, `Plan`, `JSON`). */
const CHART_VALUE = /^[\s-]*[\w-]+\s*:\s*(.*)$/;

/** Container fences (`::: columns`) name layouts, in English whatever the deck's language. */
const CONTAINER_FENCE = /^[ \t]*:::.*$/gm;
/** reveal-md's notes marker at the start of a paragraph, and addresses written out: not prose. */
const NOT_PROSE = /^notes?:|https?:\/\/\S+/gi;

/** Markdown's blocks and inlines as markdown-it reads them: HTML, code and links' targets are tokens of their own. */
const markdown = new MarkdownIt({ html: true });

/** A slides file's prose (its text tokens, without front matter, code, HTML or URLs) and its charts' values. */
function prose(text: string): { prose: string; chartValues: string } {
  const words: string[] = [];
  const values: string[] = [];
  for (const token of markdown.parse(splitFrontMatter(text).body.text.replace(CONTAINER_FENCE, ''), {})) {
    if (token.type === 'fence' && /^chart\b/.test(token.info.trim())) {
      for (const line of token.content.split('\n')) values.push(CHART_VALUE.exec(line)?.[1] ?? '');
    }
    for (const child of token.children ?? []) if (child.type === 'text') words.push(child.content.replace(NOT_PROSE, ' '));
  }
  return { prose: words.join(' '), chartValues: values.join('\n') };
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
  const weigh = (text: string, countLetters: boolean) => {
    for (const [word] of text.toLowerCase().matchAll(/\p{L}+/gu)) {
      if (countLetters) letters += word.length;
      if (GERMAN.has(word) || /[äöüß]/.test(word)) german++;
      else if (ENGLISH.has(word)) english++;
    }
  };
  weigh(sample, true);
  weigh(chartValues.slice(0, SAMPLE_CHARACTERS), false);
  if (english >= ENOUGH_WORDS && english > 2 * german) return 'en';
  if (german > 0 && german >= english) return 'de';
  if (letters < (english > 0 ? LETTERS_WITH_A_HINT : LETTERS_WITHOUT)) return 'de';
  return franc(sample, { only: ['deu', 'eng'], minLength: 1 }) === 'eng' ? 'en' : 'de';
}
