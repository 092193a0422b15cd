/**
 * `--pptx`: the deck as a PowerPoint file from the open print view, in two steps. `readSlidePages`
 * needs the page: the selected slides are read in batches (measure-slides.ts: boxes, styled text,
 * tables, images, chart specs, notes) and elements without a native form are photographed.
 * `buildPptx` places each batch while Chromium measures the next, where the print view drew it
 * (place-blocks.ts): native text, tables, pictures and charts with their data embedded; then the
 * page is released (the exporter may close Chromium) and the file written. A last pass puts right
 * what pptxgenjs writes wrongly or cannot write (pptx-package.ts).
 */
import type { BrowserPage } from '../../browser/browser-page.ts';
import { PAGE_NAMES } from '../../page-contract.ts';
import { SLIDE_INDEX_ELEMENT_ID } from '../../types.ts';
import type { PrintView } from '../open-print-view.ts';
import { measureNotes } from './measure-notes.ts';
import { measureSlides } from './measure-slides.ts';
import { readMeasuredSlides } from './measured-slides-json.ts';
import { placeSlide } from './place-blocks.ts';
import { finishPackage } from './pptx-package.ts';
import { pptxGenJsParts } from './pptxgenjs-parts.ts';
import type { ChartFix } from './native-chart.ts';
import type { MeasuredSlide, NotesParagraph, SlideBlock } from './slide-layout.ts';

export interface PptxDeck {
  title: string;
  author: string;
  lang: string;
}

export interface PptxOptions {
  deck: PptxDeck;
  onProgress?: (done: number, total: number) => void;
  /**
   * Called once every slide is read, before the file is written: the page is needed no more. What it
   * starts (closing Chromium) runs on while pptxgenjs writes, and is awaited before the file is returned.
   */
  afterReading?: () => Promise<void>;
}

/** Some of the selected slides as measured, with the pictures taken of them. */
export interface SlideBatch {
  measured: MeasuredSlide[];
  pictures: Map<SlideBlock, Buffer>;
}

/** What the file is built from: the selected slides, read batch by batch. */
export interface SlidePages {
  batches: AsyncIterable<SlideBatch>;
  /** Selected slides in all batches. */
  count: number;
  /** Slide size in CSS pixels. */
  width: number;
  height: number;
  /** The file's slide number (1-based) of each selected slide, by its id: where links inside the deck jump. */
  slideNumbers: Map<string, number>;
}

export interface PptxFile {
  bytes: Uint8Array;
  slides: number;
  charts: number;
  warnings: string[];
}

/** A still page for the pictures: no transitions or animations under way. */
const STILL_CSS = '*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }';

/** The print page of each selected slide: its last, where (with `--fragments`) every fragment is shown. */
export function slidePages(view: PrintView, slides: ReadonlySet<number> | null): { index: number; slide: number }[] {
  const last = new Map<number, number>();
  view.pages.forEach((page, index) => {
    if (!slides || slides.has(page.slide)) last.set(page.slide, index);
  });
  return [...last].sort(([a], [b]) => a - b).map(([slide, index]) => ({ index, slide }));
}

/** Slides per page evaluation: Chromium measures a batch while this process places the one before. */
const BATCH_SLIDES = 25;
/** Batches asked of the page ahead of the one being read: the page always has the next to measure, with no wait for this process. */
const BATCHES_AHEAD = 2;

async function takePictures(page: BrowserPage, measured: readonly MeasuredSlide[], stilled: { done: boolean }): Promise<Map<SlideBlock, Buffer>> {
  const pictures = new Map<SlideBlock, Buffer>();
  const blocks = measured.flatMap((slide) => slide.blocks.filter((block) => block.kind === 'picture'));
  if (blocks.length && !stilled.done) {
    await page.addStyle(STILL_CSS);
    stilled.done = true;
  }
  for (const block of blocks) pictures.set(block, await page.screenshot(block.clip));
  return pictures;
}

/** The first font of the first heading and of the first paragraph: the theme's heading and body fonts. */
function themeFonts(measured: readonly MeasuredSlide[]): { headFontFace?: string; bodyFontFace?: string } {
  const texts = measured.flatMap((slide) => slide.blocks.flatMap((block) => (block.kind === 'text' ? [block] : [])));
  const head = texts.find((block) => /^h[1-6]$/.test(block.origin.tag))?.paragraphs[0]?.runs[0]?.font;
  const body = texts.find((block) => block.origin.tag === 'p')?.paragraphs[0]?.runs[0]?.font;
  return { ...(head && { headFontFace: head }), ...(body && { bodyFontFace: body }) };
}

let pptxGenJs: Promise<typeof import('pptxgenjs')> | null = null;

/**
 * pptxgenjs, imported once: the export starts it while Chromium lays out the print view
 * (export-outputs.ts `prepare`), else `readSlidePages` does, so that it loads while Chromium measures.
 */
export function loadPptxGenJs(): Promise<typeof import('pptxgenjs')> {
  if (!pptxGenJs) {
    pptxGenJs = import('pptxgenjs');
    // Awaited by `buildPptx`; not an unhandled rejection when reading fails first.
    pptxGenJs.catch(() => undefined);
  }
  return pptxGenJs;
}

/** Reads the selected slides (null: all) from the print view in batches: all that `buildPptx` needs of the page. */
export function readSlidePages(page: BrowserPage, view: PrintView, slides: ReadonlySet<number> | null): SlidePages {
  void loadPptxGenJs();
  const pages = slidePages(view, slides);
  const stilled = { done: false };
  const measure = (batch: typeof pages) => {
    const measuring = Promise.all([page.evaluate(measureSlides, { names: PAGE_NAMES, pages: batch, slideIndexId: SLIDE_INDEX_ELEMENT_ID }), page.evaluate(measureNotes, { names: PAGE_NAMES, pages: batch })]);
    measuring.catch(() => undefined); // awaited in turn below
    return measuring;
  };
  // Asked at once, not when the batches are first read (after pptxgenjs has loaded).
  const asked = [] as ReturnType<typeof measure>[];
  const ask = (batch: number) => {
    if (batch * BATCH_SLIDES < pages.length) asked[batch] = measure(pages.slice(batch * BATCH_SLIDES, (batch + 1) * BATCH_SLIDES));
  };
  for (let batch = 0; batch < BATCHES_AHEAD; batch++) ask(batch);
  async function* batches(): AsyncGenerator<SlideBatch> {
    for (let batch = 0; batch * BATCH_SLIDES < pages.length; batch++) {
      const [json, notes] = await asked[batch]!;
      ask(batch + BATCHES_AHEAD);
      const measured: MeasuredSlide[] = readMeasuredSlides(json).map((layout, i) => ({ ...layout, notes: notes[i] ?? [] }));
      const pictures = await takePictures(page, measured, stilled);
      yield { measured, pictures };
    }
  }
  const slideNumbers = new Map(pages.map(({ index }, i) => [view.pages[index]!.id, i + 1]));
  return { batches: batches(), count: pages.length, width: view.width, height: view.height, slideNumbers };
}

/** A turn of the event loop: lets the page's next measuring be sent to Chromium while slides are placed. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function buildPptx({ batches, count, width, height, slideNumbers }: SlidePages, options: PptxOptions): Promise<PptxFile> {
  const { default: PptxGenJS } = await loadPptxGenJs();
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'deck', width: width / 96, height: height / 96 });
  pptx.layout = 'deck';
  pptx.title = options.deck.title;
  pptx.author = options.deck.author;
  pptx.subject = options.deck.title;
  pptx.company = '';

  const charts: ChartFix[] = [];
  const notesBySlide = new Map<number, NotesParagraph[]>();
  const warnings: string[] = [];
  let placed = 0;
  let theme: ReturnType<typeof themeFonts> = {};
  for await (const { measured, pictures } of batches) {
    // The deck's first heading and paragraph may come in a later batch; the first found is kept.
    theme = { ...themeFonts(measured), ...theme };
    for (const slide of measured) {
      const onSlide = placeSlide(pptx.addSlide(), slide, pictures, { lang: options.deck.lang, slideNumbers });
      charts.push(...onSlide.charts);
      warnings.push(...onSlide.warnings);
      placed += 1;
      if (slide.notes.length) notesBySlide.set(placed, slide.notes);
      options.onProgress?.(placed, count);
      await nextTurn();
    }
  }
  pptx.theme = theme;
  const released = options.afterReading?.();
  released?.catch(() => undefined); // awaited below
  // Parts, not an archive: the finishing pass rewrites some and compresses the whole file once.
  const parts = await pptxGenJsParts(pptx);
  const bytes = finishPackage(parts, { charts, notes: notesBySlide, lang: options.deck.lang });
  await released;
  return { bytes, slides: placed, charts: charts.length, warnings };
}
