/** `deck export --notes`: the handout has every slide with its full notes, long notes flowing onto further pages. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDeck } from '../../src/export/export-deck.ts';
import type { CompiledDeck } from '../../src/types.ts';
import { BAR_CHART_TICKS, compiledExportDeck, EXPORT_DECK, exportTempDir } from '../support/export-fixture.ts';
import { collapse, readPdf, type PdfSummary } from '../support/pdf-reader.ts';

/**
 * Whether `needle`'s words occur in `haystack` in order. Page breaks put footers and the next
 * slide picture between a note's lines in the extracted text; a cut-off note still fails.
 */
function wordsInOrder(haystack: string, needle: string): boolean {
  let at = 0;
  for (const word of needle.split(' ')) {
    const found = haystack.indexOf(word, at);
    if (found < 0) return false;
    at = found + word.length;
  }
  return true;
}

let deck: CompiledDeck;
let handout: PdfSummary;
let text: string;

beforeAll(async () => {
  const dir = exportTempDir();
  deck = compiledExportDeck();
  // --fragments is given on purpose: the handout still shows each slide once, complete.
  await exportDeck({ slidesDir: EXPORT_DECK, out: join(dir, 'dist'), notes: true, fragments: true });
  handout = await readPdf(join(dir, 'dist', 'export-probe-notes.pdf'));
  text = collapse(handout.text.join(' '));
});

describe('handout', () => {
  it('is A4 portrait with the title and author', () => {
    expect([Math.round(handout.width), Math.round(handout.height)]).toEqual([595, 842]);
    expect(handout.info).toMatchObject({ Title: 'Export-Probe', Author: 'Ada Lovelace' });
  });

  it('contains every note in full, including the last sentence of the longest', () => {
    const longest = deck.slides.reduce((a, b) => (b.notesText.length > a.notesText.length ? b : a));
    expect(longest.notesText.length).toBeGreaterThan(5000);
    for (const slide of deck.slides) {
      expect(slide.notesText.length).toBeGreaterThan(0);
      expect(wordsInOrder(text, collapse(slide.notesText)), slide.title).toBe(true);
    }
    expect(text).toContain('Schlusssatz der langen Notiz: alles gesagt.');
  });

  it('checks notes word by word (the check itself fails on a cut note)', () => {
    const note = collapse(deck.slides[3]!.notesText);
    expect(wordsInOrder(text, `${note} zusätzlich`)).toBe(false);
    expect(wordsInOrder(text.replace('alles gesagt.', ''), note)).toBe(false);
  });

  it('lets long notes flow onto further pages', () => {
    const start = handout.text.findIndex((page) => page.includes('Absatz 01'));
    const end = handout.text.findIndex((page) => page.includes('Schlusssatz der langen Notiz'));
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
  });

  it('shows each slide once, in order, with its label and with all fragments and charts', () => {
    const labels = [...text.matchAll(/Folie (\d+) von (\d+)/g)].map((match) => `${match[1]}/${match[2]}`);
    expect(labels).toEqual(deck.slides.map((_, index) => `${index + 1}/${deck.slides.length}`));
    let from = 0;
    for (const slide of deck.slides) {
      const at = text.indexOf(slide.title, from);
      expect(at, slide.title).toBeGreaterThanOrEqual(from);
      from = at;
    }
    expect(text).toContain('Erst das Diagramm, dann dieser Punkt');
    expect(text).toContain('Punkt B');
    for (const tick of BAR_CHART_TICKS) expect(text).toContain(tick);
  });
});

describe('handout of slides with text at their foot', () => {
  it('keeps every slide whole, the foot of the second slide on a sheet too', async () => {
    const dir = exportTempDir();
    const slidesDir = join(dir, 'slides');
    const slide = (n: string) => `## ${n}\n\nTop of ${n}\n\n<div style="position: absolute; bottom: 0">Foot of ${n}</div>\n\nNote: notes of ${n}\n`;
    mkdirSync(slidesDir);
    writeFileSync(join(slidesDir, 'deck.md'), `---\ntitle: Feet\nlang: en\n---\n\n${['one', 'two', 'three', 'four'].map(slide).join('\n---\n\n')}`);
    const pdf = join(dir, 'feet.pdf');
    await exportDeck({ slidesDir, out: join(dir, 'dist'), notes: true, pdf });
    const pages = (await readPdf(pdf)).text.map(collapse);
    for (const n of ['one', 'two', 'three', 'four']) {
      const page = pages.findIndex((text) => text.includes(`Top of ${n}`));
      expect(pages[page], n).toContain(`Foot of ${n}`);
    }
  }, 60_000);
});
