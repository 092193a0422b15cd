/**
 * The slides PDF printed in parts (print-parts.ts, as a long deck is) is the PDF printed at once: the
 * same pages in the same order with the same text (the charts' own axis text included: every part
 * draws its charts as vectors), bookmarks on the same pages, the same links, a link to an element on
 * another page of the same part still a link to that page; a range printed in parts has just its
 * slides; and afterwards the print view has all its pages back, in order, for the outputs after it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPage } from '../../src/browser/browser-page.ts';
import { serveStatic, type StaticServer } from '../../src/browser/serve-static.ts';
import { buildDeck } from '../../src/builder/build-deck.ts';
import { PDF_CHART_DENSITY } from '../../src/export/export-options.ts';
import { waitForPrintView, type PrintView } from '../../src/export/open-print-view.ts';
import { printSlidesPdf, type PdfOptions } from '../../src/export/pdf-export.ts';
import { splitIntoParts } from '../../src/export/print-parts.ts';
import { CHART_SELECTOR, PRINT_PAGE_SELECTOR, printViewUrl } from '../../src/page-contract.ts';
import { BAR_CHART_TICKS, exportTempDir } from '../support/export-fixture.ts';
import { readPdf, type PdfSummary } from '../support/pdf-reader.ts';

const CHART = `\`\`\`chart
type: bar
title: Investitionen je Jahr
unit: Mrd. US-$
labels: ["2019", "2021", "2023"]
series:
  - name: Investition
    values: [1, 2, 10]
source: Testdaten
\`\`\``;

/** Seven slides: an outside link, two charts (slides 3 and 7), a link to an element of the next slide in the second part of three. */
const SLIDES = [
  '## Eins\n\nText.',
  '## Zwei\n\nMehr auf [der Projektseite](https://example.org/deck).',
  `## Drei\n\n${CHART}`,
  '## Vier\n\nWeiter zum [Ziel](#ziel).',
  '## Fünf\n\n<span id="ziel">Das Ziel</span> des Verweises.',
  '## Sechs\n\nText.',
  `## Sieben\n\n${CHART}`,
].join('\n\n---\n\n');

let dir: string;
let server: StaticServer;
let page: BrowserPage;
let view: PrintView;

async function print(file: string, options: Partial<PdfOptions>): Promise<PdfSummary> {
  const printed = await printSlidesPdf(page, view, { info: { title: 'T', author: 'A', creator: 'C' }, lang: 'de', slides: null, timeoutMs: 30_000, ...options });
  writeFileSync(join(dir, file), printed.pdf);
  return readPdf(join(dir, file));
}

/** Per page, the 1-based page each link to a named destination goes to. */
async function destinationPages(file: string): Promise<number[][]> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(join(dir, file))));
  const pages: number[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const annotations = (await (await pdf.getPage(n)).getAnnotations()) as { dest?: unknown }[];
    const targets: number[] = [];
    for (const { dest } of annotations) {
      const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : (dest as unknown[] | undefined);
      if (explicit) targets.push((await pdf.getPageIndex(explicit[0] as { num: number; gen: number })) + 1);
    }
    pages.push(targets);
  }
  return pages;
}

const printPageIds = () => page.evaluate((selector) => Array.from(document.querySelectorAll(selector)).map((page) => page.querySelector('section')?.id ?? ''), PRINT_PAGE_SELECTOR);

let whole: PdfSummary;
let parts: PdfSummary;
let idsBefore: string[];

beforeAll(async () => {
  dir = exportTempDir();
  const slidesDir = join(dir, 'slides');
  mkdirSync(slidesDir);
  writeFileSync(join(slidesDir, 'deck.yaml'), 'title: In Teilen\nlang: de\n');
  writeFileSync(join(slidesDir, '01.md'), SLIDES);
  const { outDir } = await buildDeck({ slidesDir, outDir: join(slidesDir, 'dist') });
  server = await serveStatic(outDir);
  // As export-deck.ts opens it for a PDF.
  const url = printViewUrl(server.url, { fragments: false, chartDensity: PDF_CHART_DENSITY, printOnly: true });
  page = await BrowserPage.launch(url, { viewport: { width: 1280, height: 720 }, oneProcess: true });
  view = await waitForPrintView(page, { fragments: false, timeoutMs: 20_000, chartDensity: PDF_CHART_DENSITY });
  idsBefore = await printPageIds();
  whole = await print('whole.pdf', {});
  parts = await print('parts.pdf', { partPages: 3 });
});

afterAll(async () => {
  await page?.close();
  await server?.close();
});

describe('splitIntoParts', () => {
  it('splits pages into even runs of at most the part size, in order', () => {
    const pages = (count: number) => Array.from({ length: count }, (_, index) => index + 1);
    expect(splitIntoParts(pages(7), 3)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(splitIntoParts(pages(1000), 100).map((part) => part.length)).toEqual(Array(10).fill(100));
    expect(splitIntoParts(pages(150), 100).map((part) => part.length)).toEqual([75, 75]);
    expect(splitIntoParts([2, 5, 9], 100)).toEqual([[2, 5, 9]]);
    expect(splitIntoParts([], 100)).toEqual([]);
  });
});

describe('slides PDF printed in parts', () => {
  it('has the pages, text, charts and bookmarks of the PDF printed at once', () => {
    expect(whole.pages).toBe(7);
    expect(parts.pages).toBe(whole.pages);
    expect([parts.width, parts.height]).toEqual([whole.width, whole.height]);
    expect(parts.text).toEqual(whole.text);
    for (const chartPage of [2, 6]) for (const tick of BAR_CHART_TICKS) expect(parts.text[chartPage]).toContain(tick);
    expect(parts.outline).toEqual(['Eins', 'Zwei', 'Drei', 'Vier', 'Fünf', 'Sechs', 'Sieben']);
    expect(parts.outlinePages).toEqual(whole.outlinePages);
    expect(parts.info).toMatchObject({ Title: 'T', Author: 'A', Language: 'de' });
  });

  it('keeps the links: outside ones, and one to an element on another page of its part', async () => {
    expect(parts.links).toEqual(whole.links);
    expect(parts.links[1]).toEqual(['https://example.org/deck']);
    expect((await destinationPages('whole.pdf'))[3]).toEqual([5]);
    expect((await destinationPages('parts.pdf'))[3]).toEqual([5]);
  });

  it('prints just the slides of a range, in parts', async () => {
    const range = await print('range.pdf', { slides: new Set([2, 4, 5, 7]), partPages: 2 });
    expect(range.pages).toBe(4);
    expect(range.text).toEqual([whole.text[1], whole.text[3], whole.text[4], whole.text[6]]);
    expect(range.outline).toEqual(['Zwei', 'Vier', 'Fünf', 'Sieben']);
    expect(range.outlinePages).toEqual([1, 2, 3, 4]);
  });

  it('gives the print view all its pages back, in order, with its charts at their size', async () => {
    expect(idsBefore).toHaveLength(7);
    expect(await printPageIds()).toEqual(idsBefore);
    const canvases = await page.evaluate((selector) => Array.from(document.querySelectorAll(`${selector} canvas`)).map((canvas) => canvas.getBoundingClientRect().width), CHART_SELECTOR);
    expect(canvases).toHaveLength(2);
    for (const width of canvases) expect(width).toBeGreaterThan(500);
    // They follow their size again (they did not while pages were out of the document).
    await page.evaluate((selector) => document.querySelector<HTMLElement>(selector)!.style.setProperty('width', '400px'), CHART_SELECTOR);
    const followed = (selector: string) => Math.round(document.querySelector(`${selector} canvas`)!.getBoundingClientRect().width) <= 400;
    expect(await page.waitFor(followed, CHART_SELECTOR, 5_000)).toBe(true);
  });
});
