/**
 * `deck export`: builds the deck (or reuses a fresh build), serves it on an
 * ephemeral 127.0.0.1 port, opens its print view once in one Chromium page and
 * writes the outputs asked for (export-outputs.ts): the slides PDF or the
 * handout, PNGs, and the single-file HTML. Chromium is found before any work,
 * started once, and always closed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { BrowserPage } from '../browser/browser-page.ts';
import { launchChrome } from '../browser/launch-chrome.ts';
import { findChrome } from '../browser/find-chrome.ts';
import { serveStatic } from '../browser/serve-static.ts';
import { startFreshBuild, type FreshBuild } from '../builder/fresh-build.ts';
import { slugify } from '../compiler/slug.ts';
import { ChromeNotFoundError, CliError } from '../errors.ts';
import { printViewUrl } from '../page-contract.ts';
import { chartDensity, measuresOnly, printsOnly, resolveExportOptions, type ExportOptions, type ResolvedExportOptions } from './export-options.ts';
import { wantedOutputs, writeOutput, type DeckInfo, type ExportedFile, type PrintContext } from './export-outputs.ts';
import { waitForPrintView, type PrintView } from './open-print-view.ts';
import { parseSlideRange, parseSlideSpans } from './page-range.ts';
import { silentProgress, type Progress } from './progress.ts';

export type { ExportedFile } from './export-outputs.ts';

export interface ExportResult {
  build: FreshBuild | null;
  files: ExportedFile[];
  /** Slides in the deck (not only the exported range). */
  slides: number;
  warnings: string[];
  seconds: number;
}

/** Title, author and language as the build wrote them into the head of `index.html`. */
export function readDeckInfo(outDir: string): DeckInfo {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const head = html.slice(0, html.indexOf('</head>') + 1 || undefined);
  let title = '';
  let author = '';
  let lang = 'de';
  let inTitle = false;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'html' && attributes['lang']) lang = attributes['lang'];
      if (name === 'meta' && attributes['name'] === 'author') author = attributes['content'] ?? '';
      inTitle = name === 'title';
    },
    ontext(text) {
      if (inTitle) title += text;
    },
    onclosetag() {
      inTitle = false;
    },
  });
  parser.end(head);
  title = title.trim();
  return { title, author, lang, name: slugify(title) || 'deck' };
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
  const wanted = wantedOutputs(options);
  const files: ExportedFile[] = [];
  const warnings: string[] = [];
  let build: FreshBuild | null = null;
  let slides = 0;

  const fromPrintView = wanted.filter(({ output }) => output.needs === 'print view');
  if (fromPrintView.length) {
    if (!findChrome(options.chrome)) throw new CliError(new ChromeNotFoundError(options.chrome).message);
    progress.step('building');
    // Chromium starts while the deck builds, instead of after it; the page opens once the build is there.
    const launching = launchChrome(options.chrome, { oneProcess: true });
    launching.catch(() => undefined); // awaited when the page opens, and in `finally`
    const job = startFreshBuild(options.slidesDir, options.outDir, options.rebuild, { withoutNotes: options.withoutNotes });
    job.done.catch(() => undefined);
    // sirv reads each file when asked for it: the server can start before the build has written them.
    const server = await serveStatic(options.outDir);
    /** Chromium closing: once the last output has read the page (`releasePage`), else at the end. */
    let closing: Promise<void> | undefined;
    const closeChromium = () => (closing ??= launching.then((browser) => browser.close()));
    try {
      build = await job.done;
      progress.done(build.reused ? `reused fresh build ${build.outDir}` : `built ${build.outDir} in ${build.seconds.toFixed(2)} s`);
      warnings.push(...build.warnings);
      const url = printViewUrl(server.url, { fragments: options.fragments, chartDensity: chartDensity(options), printOnly: printsOnly(options), measureOnly: measuresOnly(options) });
      const page = await BrowserPage.open(await launching, url, { viewport: PAGE_VIEWPORT, deviceScaleFactor: options.scale });
      for (const { output } of fromPrintView) if (output.needs === 'print view') output.prepare?.();
      const context = await openPrintView(page, options, readDeckInfo(build.outDir), progress, warnings);
      warnings.push(...context.view.failedCharts.map((chart) => `chart failed to draw on ${chart}`));
      slides = context.view.slideCount;
      for (const [index, { output, target }] of fromPrintView.entries()) {
        const releasePage = index === fromPrintView.length - 1 ? closeChromium : () => Promise.resolve();
        if (output.needs === 'print view') files.push(await writeOutput(output, progress, () => output.write(target, { ...context, releasePage })));
      }
    } finally {
      // A launch that failed has nothing to close; its error, if it matters, came from `await launching`.
      await (closing ?? launching.then((browser) => browser.close(), () => undefined));
      await server.close();
    }
  }

  for (const { output, target } of wanted) {
    if (output.needs === 'slides') files.push(await writeOutput(output, progress, () => output.write(target, options)));
  }
  return { build, files, slides, warnings, seconds: (performance.now() - started) / 1000 };
}

async function openPrintView(page: BrowserPage, options: ResolvedExportOptions, deck: DeckInfo, progress: Progress, warnings: string[]): Promise<Omit<PrintContext, 'releasePage'>> {
  progress.step('loading the print view');
  const phase = performance.now();
  const view = await waitForPrintView(page, { fragments: options.fragments, timeoutMs: options.timeoutMs, chartDensity: chartDensity(options), measureOnly: measuresOnly(options) });
  progress.done(`print view ready: ${view.slideCount} slides, ${view.pages.length} pages in ${((performance.now() - phase) / 1000).toFixed(2)} s`);
  return { page, view, options, deck, slides: selectedSlides(options.range, view), progress, warnings };
}
