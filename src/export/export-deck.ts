/**
 * `deck export`: builds the deck (or reuses a fresh build), serves it on an
 * ephemeral 127.0.0.1 port, opens its print view once in one Chromium page and
 * writes what was asked for: the slides PDF or the handout, PNGs, and the
 * single-file HTML. Chromium is found before any work, started once at the
 * print view, and always closed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChrome } from '../browser/find-chrome.ts';
import type { CdpPage } from '../browser/cdp-page.ts';
import { ChromeNotFoundError } from '../errors.ts';
import { openChromeAt, type ChromePage } from '../browser/open-chrome-at.ts';
import { serveStatic } from '../browser/serve-static.ts';
import { CliError } from '../errors.ts';
import { slugify } from '../compiler/slug.ts';
import { writeFileAtomically } from './atomic-file.ts';
import { chartDensity, defaultPdfPath, needsBrowser, printsOnly, resolveExportOptions, type ExportOptions, type ResolvedExportOptions } from './export-options.ts';
import { startFreshBuild, type FreshBuild } from '../builder/fresh-build.ts';
import { printViewUrl, waitForPrintView, type PrintView } from './open-print-view.ts';
import { parseSlideRange, parseSlideSpans } from './page-range.ts';
import type { PdfInfo } from './pdf-info.ts';
import { silentProgress, type Progress } from './progress.ts';

export interface ExportedFile {
  kind: 'pdf' | 'handout' | 'png' | 'html';
  path: string;
  /** Pages (PDF), slides (handout), images (PNG). */
  count: number;
  seconds: number;
}

export interface ExportResult {
  build: FreshBuild | null;
  files: ExportedFile[];
  /** Slides in the deck (not only the exported range). */
  slides: number;
  warnings: string[];
  seconds: number;
}

interface DeckInfo {
  title: string;
  author: string;
  lang: string;
  name: string;
}

const decodeEntities = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[entity]!);

/** Title, author and language as the build wrote them into `index.html`. */
export function readDeckInfo(outDir: string): DeckInfo {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const title = decodeEntities(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '').trim();
  const author = decodeEntities(/<meta name="author" content="([^"]*)"/.exec(html)?.[1] ?? '');
  const lang = /<html lang="([^"]*)"/.exec(html)?.[1] ?? 'de';
  return { title, author, lang, name: slugify(title) || 'deck' };
}

function pdfInfo(deck: DeckInfo): PdfInfo {
  return { title: deck.title, author: deck.author, creator: 'markdown-deck (reveal.js, Chromium)' };
}

/** The page Chromium opens: one slide (the print view's page size comes from the deck). */
const PAGE_VIEWPORT = { width: 1280, height: 720 };

function selectedSlides(range: string | null, view: PrintView): Set<number> | null {
  if (!range) return null;
  const parsed = parseSlideRange(range, view.slideCount);
  if (!parsed.ok) throw new CliError(`--range: ${parsed.message}`);
  return new Set(parsed.slides);
}

export async function exportDeck(userOptions: ExportOptions, progress: Progress = silentProgress): Promise<ExportResult> {
  const started = performance.now();
  const options = resolveExportOptions(userOptions);
  // A mistyped range fails before anything is built; whether it fits the deck is known once it is loaded.
  const syntax = options.range ? parseSlideSpans(options.range) : null;
  if (syntax && !syntax.ok) throw new CliError(`--range: ${syntax.message}`);
  const files: ExportedFile[] = [];
  const warnings: string[] = [];
  let build: FreshBuild | null = null;
  let slides = 0;

  if (needsBrowser(options)) {
    if (!findChrome(options.chrome)) throw new CliError(new ChromeNotFoundError(options.chrome).message);
    progress.step('building');
    const job = startFreshBuild(options.slidesDir, options.outDir, options.rebuild);
    job.done.catch(() => undefined);
    // sirv reads each file when asked for it: the server can start before the build has written them.
    const server = await serveStatic(options.outDir);
    const printView = printViewUrl(server.url, { fragments: options.fragments, chartDensity: chartDensity(options), printOnly: printsOnly(options) });
    let chrome: ChromePage | null = null;
    try {
      build = await job.done;
      progress.done(build.reused ? `reused fresh build ${build.outDir}` : `built ${build.outDir} in ${build.seconds.toFixed(2)} s`);
      warnings.push(...build.warnings);
      // Started beside the build instead, Chromium only takes CPU from it: no faster (measured).
      chrome = await openChromeAt(printView, { executablePath: options.chrome, viewport: PAGE_VIEWPORT, deviceScaleFactor: options.scale, oneProcess: true, timeoutMs: options.timeoutMs });
      const result = await exportWithBrowser(chrome.page, options, readDeckInfo(build.outDir), progress);
      files.push(...result.files);
      warnings.push(...result.warnings);
      slides = result.slides;
    } finally {
      await chrome?.close();
      await server.close();
    }
  }

  if (options.html) {
    progress.step('writing single-file HTML');
    const { writeSingleFileHtml } = await import('./single-file-html.ts');
    const html = await writeSingleFileHtml(options.slidesDir, options.html);
    files.push({ kind: 'html', path: html.file, count: 1, seconds: html.seconds });
    progress.done(`wrote ${html.file} (${(html.bytes / 1024).toFixed(0)} KB) in ${html.seconds.toFixed(2)} s`);
  }
  return { build, files, slides, warnings, seconds: (performance.now() - started) / 1000 };
}

async function exportWithBrowser(
  page: CdpPage,
  options: ResolvedExportOptions,
  deck: DeckInfo,
  progress: Progress,
): Promise<{ files: ExportedFile[]; warnings: string[]; slides: number }> {
  const files: ExportedFile[] = [];
  progress.step('loading the print view');
  let phase = performance.now();
  const view = await waitForPrintView(page, { fragments: options.fragments, timeoutMs: options.timeoutMs, chartDensity: chartDensity(options) });
  const slides = selectedSlides(options.range, view);
  const warnings = view.failedCharts.map((chart) => `chart failed to draw on ${chart}`);
  progress.done(`print view ready: ${view.slideCount} slides, ${view.pages.length} pages in ${seconds(phase)} s`);

  if (options.png) {
    const { writeSlidePngs } = await import('./png-export.ts');
    progress.step('writing PNGs');
    phase = performance.now();
    const written = await writeSlidePngs(page, view, options.png, { slides, onProgress: (done, total) => progress.advance(done, total) });
    files.push({ kind: 'png', path: options.png, count: written.length, seconds: Number(seconds(phase)) });
    progress.done(`wrote ${written.length} PNGs to ${options.png} in ${seconds(phase)} s`);
  }
  if (options.pdf) {
    const { printSlidesPdf } = await import('./pdf-export.ts');
    const path = options.pdf === 'default' ? defaultPdfPath(options.outDir, deck.name, false) : options.pdf;
    progress.step('printing the PDF');
    phase = performance.now();
    const { pdf, pages } = await printSlidesPdf(page, view, { info: pdfInfo(deck), lang: deck.lang, slides, timeoutMs: options.timeoutMs });
    writeFileAtomically(path, pdf);
    files.push({ kind: 'pdf', path, count: pages, seconds: Number(seconds(phase)) });
    progress.done(`wrote ${path}: ${pages} pages in ${seconds(phase)} s`);
  }
  if (options.handout) {
    const { printHandoutPdf } = await import('./handout.ts');
    const path = options.handout === 'default' ? defaultPdfPath(options.outDir, deck.name, true) : options.handout;
    progress.step('printing the handout');
    phase = performance.now();
    const { pdf, pages } = await printHandoutPdf(page, view, { info: pdfInfo(deck), lang: deck.lang, slides, timeoutMs: options.timeoutMs });
    writeFileAtomically(path, pdf);
    files.push({ kind: 'handout', path, count: pages, seconds: Number(seconds(phase)) });
    progress.done(`wrote ${path}: handout of ${pages} slides with notes in ${seconds(phase)} s`);
  }
  return { files, warnings, slides: view.slideCount };
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(2);
