/**
 * A real office application opens the PowerPoint files: LibreOffice Impress (headless) converts the
 * fixture deck's and the shipped deck's PPTX to PDF in one call. Each has a page per slide, the chart
 * areas are drawn, and every page looks like our own PDF export of that slide (compared as maps of
 * where the ink is, generously: LibreOffice draws with other fonts when the deck's are not installed).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDeck } from '../../src/export/export-deck.ts';
import { SHIPPED_DECK } from '../support/build-fixture.ts';
import { exportTempDir } from '../support/export-fixture.ts';
import { convertToPdf, renderPages } from '../support/libreoffice.ts';
import { colouredShare, pageSimilarity } from '../support/page-similarity.ts';
import { readPng, type PngImage } from '../support/png-image.ts';
import { readPptx, type PptxFile } from '../support/pptx-reader.ts';

const PPTX_DECK = join(import.meta.dirname, '../fixtures/pptx-deck');
/** Pages are compared at this resolution: 13.33 in × 24 = 320 px wide, coarse enough to forgive fonts. */
const DPI = 24;
/**
 * Least similarity of a LibreOffice page to our PDF page of the same slide: generous, since a page of
 * thin lines and small text (a scatter chart) scores low on a coarse map even when all is in place.
 * The deck as a whole must also be far nearer its own slides than other slides.
 */
const SIMILAR = 0.2;
const EMU_PER_INCH = 914400;

interface Rendered {
  name: string;
  pptx: PptxFile;
  office: PngImage[];
  ours: PngImage[];
}

const decks: Rendered[] = [];

beforeAll(async () => {
  const dir = exportTempDir();
  const sources = [
    { name: 'fixture', slidesDir: PPTX_DECK },
    { name: 'shipped', slidesDir: SHIPPED_DECK },
  ];
  for (const { name, slidesDir } of sources) {
    await exportDeck({ slidesDir, out: join(dir, `${name}-dist`), pptx: join(dir, `${name}.pptx`), pdf: join(dir, `${name}-ours.pdf`) });
  }
  const office = join(dir, 'office');
  mkdirSync(office);
  const pdfs = await convertToPdf(
    sources.map(({ name }) => join(dir, `${name}.pptx`)),
    office,
  );
  const pages = join(dir, 'pages');
  mkdirSync(pages);
  for (const [i, { name }] of sources.entries()) {
    decks.push({
      name,
      pptx: await readPptx(join(dir, `${name}.pptx`)),
      office: (await renderPages(pdfs[i]!, pages, DPI)).map(readPng),
      ours: (await renderPages(join(dir, `${name}-ours.pdf`), pages, DPI)).map(readPng),
    });
  }
}, 360_000);

describe('LibreOffice Impress opens the PowerPoint files', () => {
  it('converts each to a PDF with one page per slide', () => {
    expect(decks.map((deck) => deck.office.length)).toEqual(decks.map((deck) => deck.pptx.slides.length));
    expect(decks.map((deck) => deck.ours.length)).toEqual(decks.map((deck) => deck.pptx.slides.length));
  });

  it('draws every chart area: coloured bars, lines and slices inside each chart\u2019s frame', () => {
    for (const deck of decks) {
      deck.pptx.slides.forEach((slide, index) => {
        for (const frame of slide.chartFrames) {
          const scale = DPI / EMU_PER_INCH;
          const box = { x: frame.x * scale, y: frame.y * scale, width: frame.cx * scale, height: frame.cy * scale };
          const share = colouredShare(deck.office[index]!, box);
          // Small markers (a scatter chart) colour little of the area; an empty chart colours none of it.
          expect(share, `${deck.name} slide ${index + 1}: coloured share of the chart area`).toBeGreaterThan(0.001);
        }
      });
      expect(deck.pptx.slides.some((slide) => slide.chartFrames.length)).toBe(true);
    }
  });

  it('renders each slide like our own PDF export of it', () => {
    for (const deck of decks) {
      const same = deck.office.map((page, i) => pageSimilarity(page, deck.ours[i]!));
      // The baseline: a page against the next slide of our PDF.
      const other = deck.office.map((page, i) => pageSimilarity(page, deck.ours[(i + 1) % deck.ours.length]!));
      console.log(`${deck.name}: similarity to our PDF per slide: ${same.map((s, i) => `${i + 1}: ${s.toFixed(2)}`).join(', ')}`);
      console.log(`${deck.name}: mean ${(mean(same)).toFixed(2)}; against the next slide instead: mean ${mean(other).toFixed(2)}`);
      same.forEach((similarity, i) => expect(similarity, `${deck.name} slide ${i + 1}`).toBeGreaterThanOrEqual(SIMILAR));
      expect(mean(same)).toBeGreaterThan(mean(other) + 0.2);
    }
  });
});

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
