/**
 * The slides PDF: one page per slide (or fragment step), the page size of the
 * slide, text as text, links as links, charts as vector paths, backgrounds
 * printed; then the deck's title, author and language and one bookmark per
 * slide (at its first page) added by `finishPdf`.
 */
import type { BrowserPage } from '../browser/browser-page.ts';
import type { PrintPage, PrintView } from './open-print-view.ts';
import { formatRanges } from './page-range.ts';
import { finishPdf, loadPdfLib, type Bookmark, type PdfInfo } from './pdf-info.ts';

/** 1-based page numbers of the printed pages that belong to the selected slides. */
export function pagesOfSlides(pages: readonly PrintPage[], slides: ReadonlySet<number> | null): number[] {
  return pages.flatMap((page, index) => (!slides || slides.has(page.slide) ? [index + 1] : []));
}

/** One bookmark per slide, at the first of its pages in the output, titled by its heading. */
export function slideBookmarks(pages: readonly PrintPage[], printed: readonly number[]): Bookmark[] {
  const bookmarks: Bookmark[] = [];
  printed.forEach((number, index) => {
    const page = pages[number - 1]!;
    if (bookmarks.length && pages[printed[index - 1]! - 1]?.slide === page.slide) return;
    bookmarks.push({ title: page.title || `${page.slide}`, page: index + 1 });
  });
  return bookmarks;
}

export interface PdfOptions {
  info: PdfInfo;
  lang: string;
  /** Selected slide numbers; null for all. */
  slides: ReadonlySet<number> | null;
  timeoutMs: number;
}

export async function printSlidesPdf(page: BrowserPage, view: PrintView, options: PdfOptions): Promise<{ pdf: Uint8Array; pages: number }> {
  const numbers = pagesOfSlides(view.pages, options.slides);
  const printing = page.pdf({
    width: view.width,
    height: view.height,
    preferCSSPageSize: true,
    printBackground: true,
    ...(options.slides && { pageRanges: formatRanges(numbers) }),
  });
  whilePrinting(loadPdfLib);
  const pdf = await withTimeout(printing, options.timeoutMs, 'printing the PDF');
  const bookmarks = slideBookmarks(view.pages, numbers);
  return { pdf: await finishPdf(pdf, { info: options.info, lang: options.lang, bookmarks }), pages: numbers.length };
}

/** Runs `work` once the print command is on its way: Chromium prints meanwhile, this process only waits. */
export function whilePrinting(work: () => unknown): void {
  setImmediate(() => setImmediate(work));
}

/** `page.pdf` has no timeout of its own. */
export function withTimeout<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(timeoutMs / 100) / 10} s`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
