/**
 * `--pptx`: the deck as a PowerPoint file from the open print view, in two steps. `readSlidePages`
 * needs the page: each selected slide is read (measure-slides.ts: boxes, styled text, tables,
 * images, chart specs, notes) and elements without a native form are photographed. `buildPptx`
 * needs it no more (the exporter may close Chromium in between): every block is placed where the
 * print view drew it (place-blocks.ts): native text, tables, pictures and charts with their data
 * embedded. A last pass puts right what pptxgenjs writes wrongly or cannot write (pptx-package.ts).
 */
import type { BrowserPage } from '../../browser/browser-page.ts';
import { PAGE_NAMES } from '../../page-contract.ts';
import type { PrintView } from '../open-print-view.ts';
import { measureNotes } from './measure-notes.ts';
import { measureSlides } from './measure-slides.ts';
import { readMeasuredSlides } from './measured-slides-json.ts';
import { placeSlide } from './place-blocks.ts';
import { finishPackage } from './pptx-package.ts';
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
}

/** What the file is built from: the selected slides as measured, and the pictures taken of them. */
export interface SlidePages {
  measured: MeasuredSlide[];
  pictures: Map<SlideBlock, Buffer>;
  /** Slide size in CSS pixels. */
  width: number;
  height: number;
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

async function takePictures(page: BrowserPage, measured: readonly MeasuredSlide[]): Promise<Map<SlideBlock, Buffer>> {
  const pictures = new Map<SlideBlock, Buffer>();
  const blocks = measured.flatMap((slide) => slide.blocks.filter((block) => block.kind === 'picture'));
  if (blocks.length) await page.addStyle(STILL_CSS);
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

/** pptxgenjs, imported once; `readSlidePages` starts it, so that it loads while Chromium measures. */
function loadPptxGenJs(): Promise<typeof import('pptxgenjs')> {
  if (!pptxGenJs) {
    pptxGenJs = import('pptxgenjs');
    // Awaited by `buildPptx`; not an unhandled rejection when reading fails first.
    pptxGenJs.catch(() => undefined);
  }
  return pptxGenJs;
}

/** Reads the selected slides (null: all) from the print view: all that `buildPptx` needs of the page. */
export async function readSlidePages(page: BrowserPage, view: PrintView, slides: ReadonlySet<number> | null): Promise<SlidePages> {
  void loadPptxGenJs();
  const pages = slidePages(view, slides);
  const [json, notes] = await Promise.all([page.evaluate(measureSlides, { names: PAGE_NAMES, pages }), page.evaluate(measureNotes, { names: PAGE_NAMES, pages })]);
  const measured: MeasuredSlide[] = readMeasuredSlides(json).map((layout, i) => ({ ...layout, notes: notes[i] ?? [] }));
  return { measured, pictures: await takePictures(page, measured), width: view.width, height: view.height };
}

export async function buildPptx({ measured, pictures, width, height }: SlidePages, options: PptxOptions): Promise<PptxFile> {
  const { default: PptxGenJS } = await loadPptxGenJs();
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'deck', width: width / 96, height: height / 96 });
  pptx.layout = 'deck';
  pptx.title = options.deck.title;
  pptx.author = options.deck.author;
  pptx.subject = options.deck.title;
  pptx.company = '';
  pptx.theme = themeFonts(measured);

  const charts: ChartFix[] = [];
  const notesBySlide = new Map<number, NotesParagraph[]>();
  const warnings: string[] = [];
  measured.forEach((slide, i) => {
    const placed = placeSlide(pptx.addSlide(), slide, pictures, options.deck.lang);
    charts.push(...placed.charts);
    warnings.push(...placed.warnings);
    if (slide.notes.length) notesBySlide.set(i + 1, slide.notes);
    options.onProgress?.(i + 1, measured.length);
  });
  // Stored, not compressed: the finishing pass rewrites parts and compresses the whole file once.
  const written = (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  const bytes = finishPackage(written, { charts, notes: notesBySlide, lang: options.deck.lang });
  return { bytes, slides: measured.length, charts: charts.length, warnings };
}
