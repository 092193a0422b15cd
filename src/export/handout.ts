/**
 * `--notes`: a handout PDF instead of the slides, on A4: each slide as a
 * picture, then its full speaker notes (rendered Markdown). The notes flow onto
 * further pages as long as they are, never truncated. Built from the already
 * open print view (charts stay drawn and print as vectors), restyled with
 * `handout.css`; page numbers in the footer. A tagged PDF, so its outline
 * follows the headings of the slides and the notes wherever the flow put them.
 */
import { readFileSync } from 'node:fs';
import type { BrowserPage } from '../browser/browser-page.ts';
import { PAGE_NAMES, type PageNames } from '../page-contract.ts';
import type { PrintPage, PrintView } from './open-print-view.ts';
import { whilePrinting, withTimeout, type PdfOptions } from './pdf-export.ts';
import { finishPdf, loadPdfLib } from './pdf-info.ts';
import { stringsFor } from '../strings/strings.ts';

const HANDOUT_CSS = readFileSync(new URL('./handout.css', import.meta.url), 'utf8');

/** A4 text width at 96 CSS px per inch (210 mm − 2 × 16 mm margins), less the frame's border. */
const TEXT_WIDTH_PX = ((210 - 32) / 25.4) * 96 - 4;

export interface HandoutLabels {
  /** `Folie {slide} von {total}`: filled in the page. */
  slideOf: string;
  noNotes: string;
}

export function handoutLabels(lang: string): HandoutLabels {
  const { slideOf, noNotes } = stringsFor(lang);
  return { slideOf, noNotes };
}

/** The handout is printed with what the slides PDF is. */
export type HandoutOptions = PdfOptions;

interface Layout {
  keep: number[];
  scale: number;
  width: number;
  height: number;
  total: number;
  labels: HandoutLabels;
  names: PageNames;
}

/** Runs in the page: wraps each kept print page with a label and its notes; drops the others. */
function layOutHandout({ keep, scale, width, height, total, labels, names }: Layout): number {
  document.querySelectorAll('style').forEach((style) => {
    if (/^\s*@page\s*\{/.test(style.textContent ?? '')) style.remove();
  });
  const pages = Array.from(document.querySelectorAll<HTMLElement>(names.printPage));
  let slideNumber = 0;
  let previousId = '';
  let kept = 0;
  pages.forEach((page, index) => {
    const section = page.querySelector('section');
    const id = section?.id ?? '';
    if (id !== previousId) slideNumber++;
    previousId = id;
    if (!keep.includes(index + 1)) {
      page.remove();
      return;
    }
    kept++;
    // A kept fragment step is the slide's bookmark in the handout (print-view.ts hid copies' headings).
    page.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach((heading) => heading.removeAttribute('role'));
    const sheet = document.createElement('article');
    sheet.className = 'deck-handout-slide';
    const label = document.createElement('p');
    label.className = 'deck-handout-label';
    label.textContent = labels.slideOf.replace('{slide}', String(slideNumber)).replace('{total}', String(total));
    const frame = document.createElement('div');
    frame.className = 'deck-handout-frame';
    frame.style.width = `${width * scale}px`;
    frame.style.height = `${height * scale}px`;
    page.replaceWith(sheet);
    // Zoom, not a transform: a transform leaves the page its full height for the print layout, so a slide low
    // on a sheet was split across two sheets and its lower part clipped by the frame.
    page.style.zoom = String(scale);
    page.style.width = `${width}px`;
    frame.append(page);
    const notes = document.createElement('div');
    notes.className = 'deck-handout-notes';
    const aside = section?.querySelector(names.notes);
    if (aside && aside.textContent?.trim()) notes.innerHTML = aside.innerHTML;
    else {
      notes.classList.add('is-empty');
      notes.textContent = labels.noNotes;
    }
    sheet.append(label, frame, notes);
  });
  document.documentElement.classList.add('deck-handout');
  return kept;
}

/** 1-based print pages to keep: each selected slide once, in its last fragment step (everything shown). */
export function handoutPages(pages: readonly PrintPage[], slides: ReadonlySet<number> | null): number[] {
  return pages.flatMap((page, index) => {
    const last = pages[index + 1]?.slide !== page.slide;
    return last && (!slides || slides.has(page.slide)) ? [index + 1] : [];
  });
}

export async function printHandoutPdf(page: BrowserPage, view: PrintView, options: HandoutOptions): Promise<{ pdf: Uint8Array; pages: number }> {
  const keep = handoutPages(view.pages, options.slides);
  await page.addStyle(HANDOUT_CSS);
  const layout: Layout = {
    keep,
    scale: TEXT_WIDTH_PX / view.width,
    width: view.width,
    height: view.height,
    total: view.slideCount,
    labels: handoutLabels(options.lang),
    names: PAGE_NAMES,
  };
  const slides = await page.evaluate(layOutHandout, layout);
  const footer = `<div style="font: 8px sans-serif; color: #666; width: 100%; text-align: center;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;
  const printing = page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, footerTemplate: footer });
  whilePrinting(loadPdfLib);
  const pdf = await withTimeout(printing, options.timeoutMs, 'printing the handout');
  return { pdf: await finishPdf(pdf, { info: options.info, lang: options.lang }), pages: slides };
}
