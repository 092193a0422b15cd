/**
 * Printing a long deck in parts. Chromium's printing costs more per page the more pages the printed
 * document lays out: at 1,000 pages a page takes ~10 ms of its CPU, at 100 pages ~4 ms (bench/README.md,
 * "PDF in parts"), so the whole deck at once costs about twice the CPU of ten parts of 100. The
 * exporter therefore prints `PART_PAGES` pages at a time: the print view's other pages are taken out
 * of the document meanwhile (not hidden: a hidden page is still restyled for each print), and the
 * parts are merged afterwards (pdf-merge.ts). A deck of up to `PART_PAGES` pages prints at once.
 *
 * What parts cannot carry: a link to an element (`#id`) on a page of another part, which Chromium
 * prints as no link since the element is not in the document then; a link inside one part works.
 */

/** Pages printed at once; ~100 is where the per-page cost has mostly stopped falling and the parts' own costs are still small. */
export const PART_PAGES = 100;

/** Splits 1-based page numbers into runs of at most `size` pages, as even as that allows (1,000 → 10 × 100, 150 → 75 + 75). */
export function splitIntoParts(numbers: readonly number[], size = PART_PAGES): number[][] {
  if (numbers.length === 0) return [];
  const count = Math.ceil(numbers.length / size);
  const each = Math.ceil(numbers.length / count);
  const parts: number[][] = [];
  for (let start = 0; start < numbers.length; start += each) parts.push(numbers.slice(start, start + each));
  return parts;
}

export interface ShownPages {
  /** The print pages (`PRINT_PAGE_SELECTOR`). */
  pageSelector: string;
  /** The window property that keeps the pages (and their container) while some are out of the document. */
  holder: string;
  /** `PRINT_PARTS_EVENT`, dispatched when pages first go out and when they are all back. */
  event: string;
  /** 0-based indices of the pages to leave in the document, in print order; null: all of them, as before. */
  shown: number[] | null;
}

/** The window property `showPrintPages` keeps the pages in. */
export const HELD_PRINT_PAGES = '__deckHeldPrintPages';

/**
 * Runs in the page: leaves only the `shown` print pages in the document, in their order, or with
 * null puts every page back where it was. Each page moves with the elements reveal.js put after it
 * (a notes page of `showNotes: 'separate-page'`). Answers how many pages are in the document then.
 * The print view hears of it (`event`) before the first page goes and after the last is back.
 */
export function showPrintPages({ pageSelector, holder, event, shown }: ShownPages): number {
  type Held = { container: Element; groups: Element[][] };
  const store = window as unknown as Record<string, Held | undefined>;
  if (!store[holder]) document.dispatchEvent(new CustomEvent(event, { detail: true }));
  const held = (store[holder] ??= collect());
  const { container, groups } = held;
  const wanted = shown ? new Set(shown) : null;
  groups.forEach((group, index) => {
    if (wanted && !wanted.has(index)) for (const element of group) element.remove();
  });
  const kept = groups.filter((_, index) => !wanted || wanted.has(index));
  // Appending moves a page that is still in the document to the end: all kept pages end up in order.
  container.append(...kept.flat());
  if (!wanted) {
    delete store[holder];
    document.dispatchEvent(new CustomEvent(event, { detail: false }));
  }
  return kept.length;

  function collect(): Held {
    const pages = new Set(document.querySelectorAll(pageSelector));
    const container = pages.values().next().value?.parentElement ?? document.body;
    const groups: Element[][] = [];
    for (const child of Array.from(container.children)) {
      if (pages.has(child)) groups.push([child]);
      else groups[groups.length - 1]?.push(child);
    }
    return { container, groups };
  }
}
