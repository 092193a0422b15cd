/**
 * The print view (`?print-pdf`) made dependable for PDF, whether printed by
 * the exporter or from the browser's print dialog:
 *
 * - Charts print as vector paths. Chromium prints a canvas as the recording of
 *   its last full redraw when that redraw happened after `beforeprint`, and as
 *   a bitmap otherwise; so every chart is redrawn, synchronously, in
 *   `beforeprint`. The PDF gets sharp charts with real text, a fraction of the
 *   size, and printing skips compressing megapixels of bitmaps.
 * - Fragment pages get their charts. With `pdfSeparateFragments`, reveal.js
 *   copies a slide's page once per fragment step with `cloneNode`, which copies
 *   neither the canvas pixels nor the chart behind them (but does copy
 *   `data-drawn`); the copies are drawn here once both the print layout and the
 *   deck's own charts are done. Each copy draws the build-up step its own
 *   visible fragments show (chart-steps.ts).
 * - Every slide is in the PDF's structure tree: reveal.js marks slides other
 *   than the current one `aria-hidden`, which would leave them out of a tagged
 *   PDF and of its outline. Headings on fragment copies are kept out of the
 *   outline, so each slide has one bookmark.
 *
 * - Slides keep their on-screen layout (print.css).
 * - A print view that is only printed (`?print-pdf&print-only`, the PDF
 *   exporter's) lays out on screen only the pages with a chart, whose size
 *   comes from that layout; the others are laid out once, for printing
 *   (print.css). Their fonts would then load only when printing, too late for
 *   the PDF: every font face is loaded up front instead.
 *
 * - A print view that is only measured (`?print-pdf&measure-only`, the
 *   PowerPoint exporter's) draws no chart and loads no Chart.js
 *   (chart-feature.ts).
 *
 * Chart.js is loaded by the print view's charts anyway; this module asks for it
 * first, so its handle is there before the charts are drawn.
 */
import type { ChartSpec } from '../types.ts';
import { CHART_SELECTOR, DRAWN_ATTRIBUTE, DRAWN_ERROR, PRINT_PAGE_CLASS, PRINT_PARTS_EVENT, readPrintViewFlags } from '../page-contract.ts';
import { printPixelRatio } from './charts/chart-feature.ts';
import './print.css';

type ChartModule = typeof import('./charts/chart-registry.ts');
type DrawModule = typeof import('./charts/draw-chart.ts');

/** Hides the slides until reveal.js switches to its print layout (print.css). */
const PRINT_LOADING_CLASS = 'deck-print-loading';
/** Hides each slide that reveal.js need not measure until it is in its page (print.css). */
const PRINT_UNMEASURED_CLASS = 'deck-print-unmeasured';
/** Lays out on screen only the print pages with a chart (print.css). */
const PRINT_ONLY_CLASS = 'deck-print-only';

type PrintMeasureConfig = { center?: unknown; pdfMaxPagesPerSlide?: unknown };

/**
 * Whether reveal.js's print layout reads the slides' heights: to centre slides vertically (`center`;
 * a slide with class `center` is always measured) and to give a tall slide more than one page. Its
 * defaults do both; the deck's configuration does neither unless the deck's `revealOptions` ask.
 * Anything unclear counts as measuring.
 */
function printLayoutMeasures(config: PrintMeasureConfig): boolean {
  const centred = config.center !== false && config.center !== 'false';
  const pages = config.pdfMaxPagesPerSlide === undefined ? Number.POSITIVE_INFINITY : Number(config.pdfMaxPagesPerSlide);
  return centred || !(pages <= 1);
}

/**
 * Called before reveal.js starts: when its print layout needs no slide heights, the slides are not
 * laid out before they are in their pages: moving a slide into its page lays it out anew anyway.
 * reveal.js lets the page's query override its configuration, so the query
 * counts too (`?print-pdf&center=true`).
 */
export function skipUnusedPrintMeasures(config: PrintMeasureConfig): void {
  if (!isPrintView()) return;
  const query = new URLSearchParams(window.location.search);
  const effective = { ...config };
  for (const key of ['center', 'pdfMaxPagesPerSlide'] as const) if (query.has(key)) effective[key] = query.get(key);
  if (!printLayoutMeasures(effective)) document.documentElement.classList.add(PRINT_UNMEASURED_CLASS);
}

const isPrintView = () => readPrintViewFlags(window.location.search).printView;

/** Pages that reveal.js copied for fragment steps: a later page holding an already seen slide id. */
function fragmentCopies(root: Element): HTMLElement[] {
  const seen = new Set<string>();
  const copies: HTMLElement[] = [];
  for (const page of root.querySelectorAll<HTMLElement>(`.slides > .${PRINT_PAGE_CLASS}`)) {
    const id = page.querySelector('section[id]')?.id;
    if (!id) continue;
    if (seen.has(id)) copies.push(page);
    seen.add(id);
  }
  return copies;
}

function includeInStructure(root: Element): void {
  root.querySelectorAll('.slides section[aria-hidden]').forEach((section) => section.removeAttribute('aria-hidden'));
  for (const page of fragmentCopies(root)) {
    page.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach((heading) => heading.setAttribute('role', 'paragraph'));
  }
}

/**
 * Starts loading every font face of the page's style sheets: the deck waits for them
 * (`document.fonts.ready`) before it reports ready, and the readiness check of the exporter too.
 */
function loadAllFontFaces(): void {
  document.fonts.forEach((face) => {
    // A face that fails to load prints with the fallback font, as on screen.
    face.load().catch(() => undefined);
  });
}

/** Called by start-deck.ts before reveal.js starts, once the print view holds every slide as markup. */
export function preparePrintView(): void {
  const root = document.querySelector('.reveal');
  const flags = readPrintViewFlags(window.location.search);
  if (!flags.printView || !root) return;
  document.documentElement.classList.add(PRINT_LOADING_CLASS);
  if (flags.printOnly) {
    document.documentElement.classList.add(PRINT_ONLY_CLASS);
    loadAllFontFaces();
  }

  let laidOut = false;
  let deckReady = false;
  root.addEventListener('pdf-ready', () => {
    laidOut = true;
    includeInStructure(root);
    if (deckReady) drawCopies();
  });
  document.addEventListener('deck:ready', () => {
    deckReady = true;
    if (laidOut) drawCopies();
  });

  // `drawCopies` uses what follows: it returns at once when this returns early.
  const drawsCharts = !flags.measureOnly && root.querySelector(CHART_SELECTOR) !== null;
  if (!drawsCharts) return;
  let charts: ChartModule | null = null;
  const loading = Promise.all([import('./charts/chart-registry.ts'), import('./charts/draw-chart.ts')]);
  void loading.then(([chartModule]) => (charts = chartModule));

  // Only the charts in the document: the PDF exporter prints a long deck in parts, with the other pages out of it.
  window.addEventListener('beforeprint', () => {
    for (const chart of Object.values(charts?.Chart.instances ?? {})) if (chart.canvas?.isConnected) chart.draw();
  });
  // Meanwhile the charts keep their size: Chart.js would shrink a chart to nothing when its page goes out and
  // draw it anew when it comes back (its observers of the document: ~0.1 s a part at 1,000 slides). They follow
  // their size again in a task of their own, so the exporter can close Chromium meanwhile when nothing follows.
  const followSize = (responsive: boolean) => {
    for (const chart of Object.values(charts?.Chart.instances ?? {})) {
      chart.options.responsive = responsive;
      chart.update('none');
    }
  };
  document.addEventListener(PRINT_PARTS_EVENT, (event) => {
    if ((event as CustomEvent<boolean>).detail) followSize(false);
    else setTimeout(() => followSize(true));
  });

  /** Runs synchronously when the later of layout and readiness happens, so no one sees a stale `data-drawn`. */
  function drawCopies(): void {
    if (!drawsCharts) return;
    const figures = fragmentCopies(root!)
      .flatMap((page) => Array.from(page.querySelectorAll<HTMLElement>(`${CHART_SELECTOR}:not(.deck-chart-failed)`)))
      .filter((figure) => {
        const canvas = figure.querySelector('canvas');
        return canvas && !charts?.Chart.getChart(canvas);
      });
    if (figures.length === 0) return;
    figures.forEach((figure) => figure.removeAttribute(DRAWN_ATTRIBUTE));
    void loading.then(([, draw]) => drawFigures(draw, figures));
  }
}

async function drawFigures({ drawChart, loadChartParts }: DrawModule, figures: HTMLElement[]): Promise<void> {
  const pixelRatio = printPixelRatio();
  const specs = figures.map((figure) => JSON.parse(figure.querySelector('script.deck-chart-spec')?.textContent ?? 'null') as ChartSpec);
  await loadChartParts(specs);
  for (const [i, figure] of figures.entries()) {
    const spec = specs[i]!;
    try {
      drawChart(figure, spec, { animate: false, pixelRatio });
    } catch (error) {
      // Same fallback as the deck's own charts: the figure says what failed, the page still prints.
      figure.setAttribute(DRAWN_ATTRIBUTE, DRAWN_ERROR);
      console.error(error);
    }
  }
}
