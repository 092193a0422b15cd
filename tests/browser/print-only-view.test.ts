/**
 * The print view the PDF exporter opens (`?print-pdf&print-only`): on screen, only pages with a
 * chart are laid out (the chart takes its size from its page); the others get their layout when
 * printed, and every page is in the PDF with its text. No page on screen uses the deck's fonts,
 * yet the PDF has them: the view loads every font face before it reports ready.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BrowserPage } from '../../src/browser/browser-page.ts';
import { serveStatic } from '../../src/browser/serve-static.ts';
import { buildDeck } from '../../src/builder/build-deck.ts';
import { PDF_CHART_DENSITY } from '../../src/export/export-options.ts';
import { waitForPrintView } from '../../src/export/open-print-view.ts';
import { PRINT_PAGE_SELECTOR, printViewUrl } from '../../src/page-contract.ts';
import { printSlidesPdf } from '../../src/export/pdf-export.ts';
import { exportTempDir } from '../support/export-fixture.ts';
import { readPdf } from '../support/pdf-reader.ts';

const TEXT_SLIDES = `## Überschrift eins\n\nText mit **fettem** Wort.\n\n---\n\n## Überschrift zwei\n\nNoch ein Absatz.\n`;

const CHART_SLIDE = `\n---\n\n\`\`\`chart
type: bar
title: Balken
unit: Mrd. US-$
labels: ["2023", "2024"]
series:
  - name: Wert
    values: [4, 9]
source: Testdaten
\`\`\`
`;

interface OpenedView {
  /** Per print page: whether it has a layout box on screen. */
  laidOut: boolean[];
  /** Per print page: CSS width of its chart canvas, if it has one. */
  canvasWidths: (number | null)[];
  /** Status of each font face of the page. */
  fontFaces: string[];
  pdfFile: string;
}

let dir: string;

async function openView(name: string, slides: string, printOnly: boolean): Promise<OpenedView> {
  const slidesDir = join(dir, name);
  mkdirSync(slidesDir);
  writeFileSync(join(slidesDir, 'deck.yaml'), 'title: Nur gedruckt\nlang: de\n');
  writeFileSync(join(slidesDir, '01.md'), slides);
  const { outDir } = await buildDeck({ slidesDir, outDir: join(slidesDir, 'dist') });
  const server = await serveStatic(outDir);
  const url = printViewUrl(server.url, { fragments: false, chartDensity: PDF_CHART_DENSITY, printOnly });
  const page = await BrowserPage.launch(url, { viewport: { width: 1280, height: 720 }, oneProcess: true });
  try {
    const view = await waitForPrintView(page, { fragments: false, timeoutMs: 20_000, chartDensity: PDF_CHART_DENSITY });
    const screen = await page.evaluate((printPage) => {
      const pages = Array.from(document.querySelectorAll(printPage));
      const faces: string[] = [];
      document.fonts.forEach((face) => faces.push(`${face.family} ${face.weight}: ${face.status}`));
      return {
        laidOut: pages.map((page) => page.getClientRects().length > 0),
        canvasWidths: pages.map((page) => page.querySelector('canvas')?.getBoundingClientRect().width ?? null),
        fontFaces: faces,
      };
    }, PRINT_PAGE_SELECTOR);
    const { pdf } = await printSlidesPdf(page, view, { info: { title: 'T', author: 'A', creator: 'C' }, lang: 'de', slides: null, timeoutMs: 20_000 });
    const pdfFile = join(slidesDir, 'slides.pdf');
    writeFileSync(pdfFile, pdf);
    return { ...screen, pdfFile };
  } finally {
    await page.close();
    await server.close();
  }
}

const pdfFonts = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' });

beforeAll(() => {
  dir = exportTempDir();
});

describe('print-only print view', () => {
  it('lays out no text-only page on screen, yet prints every page with the deck’s fonts', async () => {
    const view = await openView('text', TEXT_SLIDES, true);
    expect(view.laidOut).toEqual([false, false]);
    expect(view.fontFaces.length).toBeGreaterThan(0);
    for (const face of view.fontFaces) expect(face).toMatch(/: loaded$/);
    const pdf = await readPdf(view.pdfFile);
    expect(pdf.pages).toBe(2);
    expect(pdf.text[0]).toContain('Überschrift eins');
    expect(pdf.text[0]).toContain('fettem');
    expect(pdf.text[1]).toContain('Noch ein Absatz.');
    const fonts = pdfFonts(view.pdfFile);
    expect(fonts).toMatch(/Inter-Bold/);
    expect(fonts).toMatch(/Inter-Regular/);
  });

  it('lays out the pages with a chart, which get their size and are drawn', async () => {
    const view = await openView('chart', TEXT_SLIDES + CHART_SLIDE, true);
    expect(view.laidOut).toEqual([false, false, true]);
    expect(view.canvasWidths[2]).toBeGreaterThan(500);
    const pdf = await readPdf(view.pdfFile);
    expect(pdf.pages).toBe(3);
    expect(pdf.text[2]).toContain('9 Mrd. US-$');
  });

  it('lays out every page when the view may be pictured (no print-only)', async () => {
    const view = await openView('pictured', TEXT_SLIDES, false);
    expect(view.laidOut).toEqual([true, true]);
  });
});
