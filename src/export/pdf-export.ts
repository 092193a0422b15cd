/**
 * The slides PDF: one page per slide (or fragment step), the page size of the
 * slide, text as text, links as links, charts as vector paths, backgrounds
 * printed; a tagged PDF (language, structure) with an outline from the slide
 * headings, and the deck's title and author in the document information.
 */
import type { Page } from 'playwright-core';
import type { PrintPage, PrintView } from './open-print-view.ts';
import { formatRanges } from './page-range.ts';
import { withPdfInfo, type PdfInfo } from './pdf-info.ts';

/** 1-based page numbers of the printed pages that belong to the selected slides. */
export function pagesOfSlides(pages: readonly PrintPage[], slides: ReadonlySet<number> | null): number[] {
  return pages.flatMap((page, index) => (!slides || slides.has(page.slide) ? [index + 1] : []));
}

export interface PdfOptions {
  info: PdfInfo;
  /** Selected slide numbers; null for all. */
  slides: ReadonlySet<number> | null;
  timeoutMs: number;
}

export async function printSlidesPdf(page: Page, view: PrintView, options: PdfOptions): Promise<{ pdf: Uint8Array; pages: number }> {
  const numbers = pagesOfSlides(view.pages, options.slides);
  const pdf = await withTimeout(
    page.pdf({
      width: `${view.width}px`,
      height: `${view.height}px`,
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: true,
      ...(options.slides && { pageRanges: formatRanges(numbers) }),
    }),
    options.timeoutMs,
    'printing the PDF',
  );
  return { pdf: withPdfInfo(pdf, options.info), pages: numbers.length };
}

/** `page.pdf` has no timeout of its own. */
export function withTimeout<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(timeoutMs / 100) / 10} s`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
