/**
 * The slides PDF: one page per slide (or fragment step), the page size of the
 * slide, text as text, links as links, charts as vector paths, backgrounds
 * printed; printed in parts of at most `PART_PAGES` pages (print-parts.ts) and
 * merged (pdf-merge.ts); then the deck's title, author and language and one
 * bookmark per slide (at its first page) added by `finishDocument`.
 */
import type { BrowserPage } from '../browser/browser-page.ts';
import { PRINT_PAGE_SELECTOR, PRINT_PARTS_EVENT } from '../page-contract.ts';
import type { PrintPage, PrintView } from './open-print-view.ts';
import { finishDocument, loadPdfLib, type Bookmark, type PdfInfo } from './pdf-info.ts';
import { PdfMerge } from './pdf-merge.ts';
import { HELD_PRINT_PAGES, PART_PAGES, showPrintPages, splitIntoParts } from './print-parts.ts';

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
  /** For all the printing. */
  timeoutMs: number;
  /** Pages printed at once. @defaultValue PART_PAGES */
  partPages?: number;
  /** Called once the print view has all it needs (PrintContext): Chromium may close while this process finishes the file. */
  releasePage?: () => Promise<void>;
}

export async function printSlidesPdf(page: BrowserPage, view: PrintView, options: PdfOptions): Promise<{ pdf: Uint8Array; pages: number }> {
  const numbers = pagesOfSlides(view.pages, options.slides);
  const parts = splitIntoParts(numbers, options.partPages ?? PART_PAGES);
  // Every page at once: nothing leaves the document.
  const whole = parts.length === 1 && numbers.length === view.pages.length;
  const deadline = performance.now() + options.timeoutMs;
  const merge = new PdfMerge();
  const show = (shown: number[] | null) =>
    page.evaluate(showPrintPages, { pageSelector: PRINT_PAGE_SELECTOR, holder: HELD_PRINT_PAGES, event: PRINT_PARTS_EVENT, shown });
  // After a failure the export ends and closes Chromium: the pages are not put back then.
  let last: Uint8Array | null = null;
  for (const part of parts) {
    if (!whole && (await show(part.map((number) => number - 1))) !== part.length) {
      throw new Error(`the print view has other pages than the ${view.pages.length} it had when loaded`);
    }
    const printing = page.pdf({ width: view.width, height: view.height, preferCSSPageSize: true, printBackground: true });
    // This process merges the part before while Chromium prints this one.
    const previous = last;
    const merging = previous ? new Promise<void>((resolve, reject) => whilePrinting(() => merge.add(previous).then(resolve, reject))) : null;
    if (!previous) whilePrinting(loadPdfLib);
    merging?.catch(() => undefined); // awaited below, after the print
    last = await withTimeout(printing, deadline - performance.now(), 'printing the PDF');
    await merging;
  }
  // Every page back in the document for the outputs after this one, then the page released (Chromium closed
  // when none follows), while this process finishes the file.
  const released = (whole ? Promise.resolve() : show(null).then(() => undefined)).then(() => options.releasePage?.());
  released.catch(() => undefined); // awaited below
  if (last) await merge.add(last);
  const bookmarks = slideBookmarks(view.pages, numbers);
  const pdf = await finishDocument(merge.result(), { info: options.info, lang: options.lang, bookmarks });
  await released;
  return { pdf, pages: numbers.length };
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
