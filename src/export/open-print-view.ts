/**
 * Opens the deck's print view (`?print-pdf`) in a page and waits until it is
 * complete: the deck's readiness signal, reveal.js's print layout (one
 * `.pdf-page` per slide or fragment step), fonts, and `data-drawn` on every
 * chart (unless the view is only measured, which leaves the charts undrawn). Conditions only, no sleeps; a deck that never gets there fails with
 * what it was still waiting for and any errors the page reported.
 */
import type { BrowserPage } from '../browser/browser-page.ts';
import { PAGE_NAMES, type PageNames } from '../page-contract.ts';

export interface PrintViewOptions {
  /** One page per fragment step instead of one per slide. */
  fragments: boolean;
  timeoutMs: number;
  /**
   * Canvas pixels per CSS pixel for the charts; omitted: the print view's own ≥ 2×. Only the PDFs
   * may ask for less: their charts print as vectors and the bitmaps only cost the page memory, while
   * PNGs are screenshots of those bitmaps.
   */
  chartDensity?: number;
  /** The view was opened only to be measured (`measureOnly` of its query): no chart is drawn, none is waited for. @defaultValue false */
  measureOnly?: boolean;
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

interface PrintViewCheck {
  names: PageNames;
  chartDensity: number;
  /** Wait for the charts to be drawn and sized. */
  charts: boolean;
  /** Answer what is missing (a timeout's message) instead of whether it is complete (the poll). */
  explain: boolean;
}

/** Runs in the page: whether the print view is complete, or with `explain` what it still waits for (null when nothing). */
function printViewComplete({ names, chartDensity, charts, explain }: PrintViewCheck): boolean | string | null {
  const pending = pendingWork();
  return explain ? pending : pending === null;

  function pendingWork(): string | null {
    const html = document.documentElement;
    // The page may still be its first, empty document, or be parsing its head.
    if (!document.body || !html.hasAttribute(names.ready)) return `the deck readiness signal (html[${names.ready}])`;
    const viewport = document.querySelector('.reveal-viewport') ?? document.body;
    if (viewport.classList.contains('loading-scroll-mode') || !document.querySelector(names.printPage)) {
      return 'the print layout';
    }
    if (document.fonts.status !== 'loaded') return 'fonts';
    if (!charts) return null;
    const figures = Array.from(document.querySelectorAll(names.chart));
    const undrawn = figures.filter((figure) => !figure.hasAttribute(names.drawn));
    if (undrawn.length) return `${undrawn.length} of ${figures.length} charts (${names.drawn})`;
    // The deck may report ready while reveal.js still moves slides into print pages: a chart created on
    // a detached canvas gets its pixels (`chartDensity` per CSS pixel) only once its page is in the document.
    const unsized = figures.filter((figure) => {
      const canvas = figure.querySelector('canvas');
      const width = canvas?.getBoundingClientRect().width ?? 0;
      return canvas && (width === 0 || canvas.width < chartDensity * width - 1);
    });
    return unsized.length ? `${unsized.length} of ${figures.length} charts to be sized in their page` : null;
  }
}

/**
 * Waits until the print view loading or loaded in `page` (at `printViewUrl`) is complete. On a
 * timeout, the error names what it was still waiting for and the errors the page reported.
 */
export async function waitForPrintView(page: BrowserPage, options: PrintViewOptions): Promise<PrintView> {
  const check = { names: PAGE_NAMES, chartDensity: options.chartDensity ?? 2, charts: !options.measureOnly };
  // The page polls the same check that names what is missing on a timeout.
  if (!(await page.waitFor(printViewComplete, { ...check, explain: false }, options.timeoutMs))) {
    const waiting = await page.evaluate(printViewComplete, { ...check, explain: true }).catch(() => null);
    const problems = page.errors;
    const seconds = Math.round(options.timeoutMs / 100) / 10;
    const detail = problems.length ? `; the page reported: ${problems.slice(0, 3).join(' | ')}` : '';
    throw new Error(`the deck was not ready after ${seconds} s${typeof waiting === 'string' ? `, still waiting for ${waiting}` : ''}${detail}`);
  }
  return await page.evaluate(describePages, PAGE_NAMES);
}

/** Runs in the page: maps each printed page to its slide. */
function describePages(names: PageNames): PrintView {
  const order = new Map<string, number>();
  const pages: PrintPage[] = [];
  for (const page of Array.from(document.querySelectorAll(names.printPage))) {
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
  const failedCharts = Array.from(document.querySelectorAll(`${names.chart}[${names.drawn}="${names.drawnError}"]`)).map(
    (figure) => `${figure.closest('section')?.id ?? '?'}: ${figure.querySelector('.deck-chart-error')?.textContent ?? 'chart failed'}`,
  );
  return { pages, slideCount: order.size, width: Number(config?.width ?? 1280), height: Number(config?.height ?? 720), failedCharts };
}
