/**
 * Opens the deck's print view (`?print-pdf`) in a page and waits until it is
 * complete: the deck's readiness signal, reveal.js's print layout (one
 * `.pdf-page` per slide or fragment step), fonts, and `data-drawn` on every
 * chart. Conditions only, no sleeps; a deck that never gets there fails with
 * what it was still waiting for and any errors the page reported.
 */
import type { CdpPage } from '../browser/cdp-page.ts';

export interface PrintViewOptions {
  /** One page per fragment step instead of one per slide. */
  fragments: boolean;
  timeoutMs: number;
  /**
   * Canvas pixels per CSS pixel for the charts; omitted: the print view's own ≥ 2×. Only the PDFs
   * may ask for 1: their charts print as vectors, the bitmaps only cost the page memory (~6 MB per
   * chart at 2×), while PNGs are screenshots of those bitmaps.
   */
  chartDensity?: number;
}

/** One printed page of the print view. */
export interface PrintPage {
  /** 1-based slide number in presentation order. */
  slide: number;
  /** 0 for the slide itself, 1… for its fragment steps. */
  step: number;
  id: string;
  title: string;
}

export interface PrintView {
  pages: PrintPage[];
  slideCount: number;
  /** Slide size in CSS pixels (the PDF page size). */
  width: number;
  height: number;
  /** Charts that failed to draw (their figures show the error). */
  failedCharts: string[];
}

export interface PrintViewUrlOptions {
  /** One page per fragment step. */
  fragments: boolean;
  /** Canvas pixels per CSS pixel of the charts (`PrintViewOptions.chartDensity`). */
  chartDensity?: number;
  /**
   * The page is only printed, never pictured: only pages with a chart are laid out on screen, and
   * every font face is loaded up front (print-view.ts, print.css).
   */
  printOnly?: boolean;
}

export function printViewUrl(deckUrl: string, options: PrintViewUrlOptions): string {
  // reveal.js reads config overrides from the query: pages exactly the slide size, fragments as asked.
  const url = new URL(deckUrl);
  const density = options.chartDensity ? `&chart-density=${options.chartDensity}` : '';
  const printOnly = options.printOnly ? '&print-only' : '';
  url.search = `?print-pdf&margin=0&pdfPageHeightOffset=0&pdfSeparateFragments=${options.fragments}${density}${printOnly}`;
  url.hash = '';
  return url.href;
}

/** Runs in the page: what the print view is still waiting for, or null when complete. */
function pendingWork(chartDensity: number): string | null {
  const html = document.documentElement;
  // The page may still be its first, empty document, or be parsing its head.
  if (!document.body || !html.hasAttribute('data-deck-ready')) return 'the deck readiness signal (html[data-deck-ready])';
  const viewport = document.querySelector('.reveal-viewport') ?? document.body;
  if (viewport.classList.contains('loading-scroll-mode') || !document.querySelector('.reveal .slides > .pdf-page')) {
    return 'the print layout';
  }
  if (document.fonts.status !== 'loaded') return 'fonts';
  const figures = Array.from(document.querySelectorAll('figure.deck-chart'));
  const undrawn = figures.filter((figure) => !figure.hasAttribute('data-drawn'));
  if (undrawn.length) return `${undrawn.length} of ${figures.length} charts (data-drawn)`;
  // The deck may report ready while reveal.js still moves slides into print pages: a chart created on
  // a detached canvas gets its pixels (`chartDensity` per CSS pixel) only once its page is in the document.
  const unsized = figures.filter((figure) => {
    const canvas = figure.querySelector('canvas');
    const width = canvas?.getBoundingClientRect().width ?? 0;
    return canvas && (width === 0 || canvas.width < chartDensity * width - 1);
  });
  return unsized.length ? `${unsized.length} of ${figures.length} charts to be sized in their page` : null;
}

/**
 * Waits until the print view loading or loaded in `page` (at `printViewUrl`) is complete. On a
 * timeout, the error names what it was still waiting for and the errors the page reported.
 */
export async function waitForPrintView(page: CdpPage, options: PrintViewOptions): Promise<PrintView> {
  const pending = `(${pendingWork.toString()})(${options.chartDensity ?? 2})`;
  // The page polls the same check that names what is missing on a timeout.
  if (!(await page.waitFor(`${pending} === null`, options.timeoutMs))) {
    const waiting = await page.evaluateExpression<string | null>(pending).catch(() => null);
    const problems = page.reportedErrors();
    const seconds = Math.round(options.timeoutMs / 100) / 10;
    const detail = problems.length ? `; the page reported: ${problems.slice(0, 3).join(' | ')}` : '';
    throw new Error(`the deck was not ready after ${seconds} s${waiting ? `, still waiting for ${waiting}` : ''}${detail}`);
  }
  return await page.evaluate(describePages);
}

/** Runs in the page: maps each printed page to its slide. */
function describePages(): PrintView {
  const order = new Map<string, number>();
  const pages: PrintPage[] = [];
  for (const page of Array.from(document.querySelectorAll('.reveal .slides > .pdf-page'))) {
    const section = page.querySelector('section');
    const id = section?.id ?? `page-${pages.length + 1}`;
    const known = order.get(id);
    const slide = known ?? order.size + 1;
    if (known === undefined) order.set(id, slide);
    const previous = pages[pages.length - 1];
    const step = previous && previous.slide === slide ? previous.step + 1 : 0;
    const heading = section?.querySelector('h1, h2, h3, h4, h5, h6');
    pages.push({ slide, step, id, title: heading?.textContent?.trim() ?? '' });
  }
  const reveal = (window as unknown as { Reveal?: { getConfig(): { width: number | string; height: number | string } } }).Reveal;
  const config = reveal?.getConfig();
  const failedCharts = Array.from(document.querySelectorAll('figure.deck-chart[data-drawn="error"]')).map(
    (figure) => `${figure.closest('section')?.id ?? '?'}: ${figure.querySelector('.deck-chart-error')?.textContent ?? 'chart failed'}`,
  );
  return { pages, slideCount: order.size, width: Number(config?.width ?? 1280), height: Number(config?.height ?? 720), failedCharts };
}
