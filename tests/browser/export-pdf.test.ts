/** `deck export` slides PDF and PNGs of the export fixture: pages, size, text, charts, metadata, outline, links. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDeck, type ExportResult } from '../../src/export/export-deck.ts';
import { BUILD_STAMP } from '../../src/builder/fresh-build.ts';
import type { CompiledDeck } from '../../src/types.ts';
import { BAR_CHART_TICKS, compiledExportDeck, EXPORT_DECK, exportTempDir } from '../support/export-fixture.ts';
import { readPdf, type PdfSummary } from '../support/pdf-reader.ts';
import { countColour, readPng } from '../support/png-image.ts';

let dir: string;
let result: ExportResult;
let pdf: PdfSummary;
let deck: CompiledDeck;

beforeAll(async () => {
  dir = exportTempDir();
  deck = compiledExportDeck();
  result = await exportDeck({ slidesDir: EXPORT_DECK, out: join(dir, 'dist'), pdf: true, png: join(dir, 'png') });
  pdf = await readPdf(join(dir, 'dist', 'export-probe.pdf'));
});

const chartSlide = () => deck.slides.findIndex((slide) => slide.charts.some((chart) => chart.type === 'bar'));

describe('slides PDF', () => {
  it('has exactly one page per slide, at the slide size (1280×720 px = 960×540 pt)', () => {
    expect(deck.slides.length).toBe(6);
    expect(pdf.pages).toBe(deck.slides.length);
    expect([pdf.width, pdf.height]).toEqual([960, 540]);
    expect(result.files.find((file) => file.kind === 'pdf')).toMatchObject({ path: join(dir, 'dist', 'export-probe.pdf'), count: 6 });
  });

  it('carries every slide title as text on its own page, in order', () => {
    deck.slides.forEach((slide, index) => expect(pdf.text[index]).toContain(slide.title));
  });

  it('draws the chart into its page: text only the chart canvas draws is on the chart page', () => {
    const page = pdf.text[chartSlide()]!;
    for (const tick of BAR_CHART_TICKS) expect(page).toContain(tick);
    for (const other of pdf.text.filter((_, index) => index !== chartSlide())) expect(other).not.toContain(BAR_CHART_TICKS[1]);
  });

  it('has title, author and language, an outline of the slide titles, and clickable links', () => {
    expect(pdf.info).toMatchObject({ Title: 'Export-Probe', Author: 'Ada Lovelace', Language: 'de' });
    expect(pdf.outline).toEqual(deck.slides.map((slide) => slide.title));
    expect(pdf.outlinePages).toEqual(deck.slides.map((_, index) => index + 1));
    expect(pdf.links[1]).toEqual(['https://example.org/deck']);
  });

  it('leaves a build stamp for reuse and no temporary files', () => {
    expect(existsSync(join(dir, 'dist', BUILD_STAMP))).toBe(true);
    expect(result.build?.reused).toBe(false);
    const everything = [...readdirSync(dir), ...readdirSync(join(dir, 'dist')), ...readdirSync(join(dir, 'png'))];
    expect(everything.filter((name) => name.includes('.tmp-'))).toEqual([]);
  });
});

describe('PNG export', () => {
  it('writes one 1280×720 PNG per slide', () => {
    const files = readdirSync(join(dir, 'png')).sort();
    expect(files).toEqual(deck.slides.map((_, index) => `slide-${String(index + 1).padStart(3, '0')}.png`));
    for (const file of files) {
      const image = readPng(join(dir, 'png', file));
      expect([image.width, image.height]).toEqual([1280, 720]);
    }
  });

  it('writes PNGs at twice the size with --scale 2, with the chart drawn', async () => {
    const scaled = join(dir, 'png-2x');
    await exportDeck({ slidesDir: EXPORT_DECK, out: join(dir, 'dist'), png: scaled, scale: 2, range: String(chartSlide() + 1) });
    const [file] = readdirSync(scaled);
    const image = readPng(join(scaled, file!));
    expect([image.width, image.height]).toEqual([2560, 1440]);
    expect(countColour(image, [0x00, 0x67, 0xb8], { x: 128, y: 240, width: 2304, height: 840 })).toBeGreaterThan(4 * 5000);
  });

  it('shows the charts: the bar colour fills the chart area, the doughnut has both colours', () => {
    const bars = readPng(join(dir, 'png', `slide-00${chartSlide() + 1}.png`));
    expect(countColour(bars, [0x00, 0x67, 0xb8], { x: 64, y: 120, width: 1152, height: 420 })).toBeGreaterThan(5000);
    const doughnut = readPng(join(dir, 'png', 'slide-006.png'));
    expect(countColour(doughnut, [0x00, 0x67, 0xb8])).toBeGreaterThan(2000);
    expect(countColour(doughnut, [0x0a, 0x7a, 0x5c])).toBeGreaterThan(8000);
    const title = readPng(join(dir, 'png', 'slide-001.png'));
    expect(countColour(title, [0x00, 0x67, 0xb8])).toBe(0);
  });
});
