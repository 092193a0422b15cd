/**
 * The PDF path draws its charts at a quarter canvas pixel per CSS pixel (`?print-pdf&chart-density=0.25`):
 * the bitmaps are tiny, yet the PDF still gets every chart as vectors — axis text as text,
 * bars as filled paths, no image — and the chart page renders with its bars, sharp. Also: the Chromium
 * the exporter starts runs as one process, without audio output.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPage } from '../../src/browser/browser-page.ts';
import { ONE_PROCESS_ARGS } from '../../src/browser/launch-chrome.ts';
import { serveStatic, type StaticServer } from '../../src/browser/serve-static.ts';
import { chartDensity, PDF_CHART_DENSITY, resolveExportOptions } from '../../src/export/export-options.ts';
import { startFreshBuild } from '../../src/builder/fresh-build.ts';
import { waitForPrintView, type PrintView } from '../../src/export/open-print-view.ts';
import { CHART_SELECTOR, printViewUrl } from '../../src/page-contract.ts';
import { printSlidesPdf } from '../../src/export/pdf-export.ts';
import type { CompiledDeck } from '../../src/types.ts';
import { BAR_CHART_TICKS, compiledExportDeck, EXPORT_DECK, exportTempDir } from '../support/export-fixture.ts';
import { readPdf, type PdfSummary } from '../support/pdf-reader.ts';
import { countColour, readPng } from '../support/png-image.ts';

const BAR_BLUE: [number, number, number] = [0x00, 0x67, 0xb8];

function readProc(pid: string, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return ''; // the process ended meanwhile
  }
}
const parentOf = (pid: string) => Number(/^\d+ \(.*\) \S (\d+)/s.exec(readProc(pid, 'stat'))?.[1]);
const commandLine = (pid: string) => readProc(pid, 'cmdline').split('\0');

let dir: string;
let deck: CompiledDeck;
let server: StaticServer;
let page: BrowserPage;
let view: PrintView;
let pdfPath: string;
let pdf: PdfSummary;

beforeAll(async () => {
  dir = exportTempDir();
  deck = compiledExportDeck();
  server = await serveStatic((await startFreshBuild(EXPORT_DECK, join(dir, 'dist')).done).outDir);
  // As export-deck.ts starts it for a fresh build.
  const url = printViewUrl(server.url, { fragments: false, chartDensity: PDF_CHART_DENSITY, printOnly: true });
  page = await BrowserPage.launch(url, { viewport: { width: 1280, height: 720 }, oneProcess: true });
  view = await waitForPrintView(page, { fragments: false, timeoutMs: 20_000, chartDensity: PDF_CHART_DENSITY });
  const printed = await printSlidesPdf(page, view, { info: { title: 'T', author: 'A', creator: 'C' }, lang: 'de', slides: null, timeoutMs: 20_000 });
  pdfPath = join(dir, 'slides.pdf');
  writeFileSync(pdfPath, printed.pdf);
  pdf = await readPdf(pdfPath);
});

afterAll(async () => {
  await page?.close();
  await server?.close();
});

const chartPage = () => deck.slides.findIndex((slide) => slide.charts.some((chart) => chart.type === 'bar'));

describe('PDF export with charts at a quarter pixel density', () => {
  it('is what the exporter asks for unless PNGs are written', () => {
    expect(chartDensity(resolveExportOptions({ slidesDir: EXPORT_DECK, pdf: true }))).toBe(0.25);
    expect(chartDensity(resolveExportOptions({ slidesDir: EXPORT_DECK, notes: true }))).toBe(0.25);
    expect(chartDensity(resolveExportOptions({ slidesDir: EXPORT_DECK, pdf: true, png: join(dir, 'png') }))).toBeUndefined();
  });

  it('draws the chart canvases at a quarter pixel per CSS pixel (the default print view: ≥ 2)', async () => {
    const sizes = await page.evaluate(
      (chart) => Array.from(document.querySelectorAll<HTMLCanvasElement>(`${chart} canvas`)).map((canvas) => ({ pixels: canvas.width, css: canvas.getBoundingClientRect().width })),
      CHART_SELECTOR,
    );
    expect(sizes.length).toBeGreaterThan(0);
    for (const { pixels, css } of sizes) {
      expect(css).toBeGreaterThan(100);
      expect(Math.abs(pixels - css / 4)).toBeLessThanOrEqual(1);
    }
  });

  it('keeps the chart as vectors: its axis text is text in the PDF and the page holds no image', () => {
    for (const tick of BAR_CHART_TICKS) expect(pdf.text[chartPage()]).toContain(tick);
    // Poppler lists the page's images: a chart printed as its bitmap would be one.
    const number = String(chartPage() + 1);
    const listing = execFileSync('pdfimages', ['-list', '-f', number, '-l', number, pdfPath], { encoding: 'utf8' });
    expect(listing.trim().split('\n').slice(2)).toEqual([]);
  });

  it('renders the chart page with its bars (not blank)', () => {
    // Poppler rasterises the PDF page at 2× its size; the bars fill the chart area in their blue.
    const prefix = join(dir, 'chart-page');
    const number = String(chartPage() + 1);
    execFileSync('pdftoppm', ['-png', '-r', '144', '-f', number, '-l', number, '-singlefile', pdfPath, prefix]);
    const image = readPng(`${prefix}.png`);
    expect([image.width, image.height]).toEqual([1920, 1080]);
    expect(countColour(image, BAR_BLUE, { x: 96, y: 180, width: 1728, height: 630 }, 8)).toBeGreaterThan(20_000);
  });
});

const chromeChildren = () =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && parentOf(entry) === process.pid)
    .map(commandLine)
    .filter((args) => args.some((arg) => arg.includes('chrom')));

describe('Chromium started for an export', () => {
  it('runs as one process: no renderer, GPU or zygote beside the browser', () => {
    const processes = chromeChildren();
    expect(processes).toHaveLength(1);
    expect(processes[0]).toEqual(expect.arrayContaining(ONE_PROCESS_ARGS));
    expect(processes[0]!.some((arg) => arg.startsWith('--type='))).toBe(false);
    // Helpers would be the browser's children (a zygote's, in the usual layout).
    const browserPid = readdirSync('/proc').find((entry) => /^\d+$/.test(entry) && parentOf(entry) === process.pid && commandLine(entry).some((arg) => arg.includes('chrom')));
    const helpers = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry) && String(parentOf(entry)) === browserPid);
    expect(helpers.map(commandLine).filter((args) => args.some((arg) => arg.startsWith('--type=')))).toEqual([]);
  });

  it('runs without audio output (a muted page would still open the sound server)', () => {
    const [browser] = chromeChildren();
    expect(browser).toContain('--disable-audio-output');
  });
});
