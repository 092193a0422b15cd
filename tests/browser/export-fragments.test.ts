/** `deck export --fragments --range`: one page per fragment step of the chosen slides, charts on every step. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDeck } from '../../src/export/export-deck.ts';
import type { CompiledDeck } from '../../src/types.ts';
import { BAR_CHART_TICKS, compiledExportDeck, EXPORT_DECK, exportTempDir } from '../support/export-fixture.ts';
import { readPdf, type PdfSummary } from '../support/pdf-reader.ts';

let dir: string;
let deck: CompiledDeck;
let pdf: PdfSummary;

const fragmentsOf = (index: number) => (deck.slides[index]!.html.match(/class="fragment"/g) ?? []).length;

beforeAll(async () => {
  dir = exportTempDir();
  deck = compiledExportDeck();
  await exportDeck({ slidesDir: EXPORT_DECK, out: join(dir, 'dist'), pdf: join(dir, 'steps.pdf'), fragments: true, range: '3-5' });
  pdf = await readPdf(join(dir, 'steps.pdf'));
});

describe('PDF with --fragments and --range 3-5', () => {
  it('has one page per fragment step of slides 3 to 5 (the slide without and with each fragment)', () => {
    const expected = [2, 3, 4].reduce((pages, index) => pages + 1 + fragmentsOf(index), 0);
    expect(fragmentsOf(2)).toBe(1);
    expect(fragmentsOf(4)).toBe(2);
    expect(pdf.pages).toBe(expected);
    expect(readdirSync(dir).sort()).toEqual(['dist', 'steps.pdf']);
  });

  it('shows the fragments step by step, under the same title', () => {
    const titles = pdf.text.map((text) => deck.slides.find((slide) => text.startsWith(slide.title))?.title);
    expect(titles).toEqual([deck.slides[2]!.title, deck.slides[2]!.title, deck.slides[3]!.title, ...Array(3).fill(deck.slides[4]!.title)]);
    expect(pdf.text[0]).not.toContain('Erst das Diagramm, dann dieser Punkt');
    expect(pdf.text[1]).toContain('Erst das Diagramm, dann dieser Punkt');
    expect(pdf.text[3]).not.toContain('Punkt A');
    expect(pdf.text[4]).toContain('Punkt A');
    expect(pdf.text[4]).not.toContain('Punkt B');
    expect(pdf.text[5]).toContain('Punkt B');
  });

  it('draws the chart on every fragment step, not only on the first copy of the slide', () => {
    for (const page of [pdf.text[0]!, pdf.text[1]!]) for (const tick of BAR_CHART_TICKS) expect(page).toContain(tick);
  });

  it('has one bookmark per slide, not one per fragment step', () => {
    expect(pdf.outline).toEqual([2, 3, 4].map((index) => deck.slides[index]!.title));
    expect(pdf.outlinePages).toEqual([1, 3, 4]);
  });
});
