/**
 * Names shared by the page (src/runtime), the exporters, `deck check`, the tests and the bench:
 * attributes the page sets, selectors others read, and the print view's query. Each is written
 * once here; a function that runs inside the page gets them as an argument (`PAGE_NAMES`).
 */

/** On `<html>` once the deck is ready (reveal.js, fonts, the charts in view). */
export const READY_ATTRIBUTE = 'data-deck-ready';
export const READY_SELECTOR = `html[${READY_ATTRIBUTE}]`;

/**
 * On `<html>` once the page holds every slide. A built large deck is ready with its first slides and appends
 * the later ones just after (later-slides.ts); whatever goes over every slide (`deck check`, tools) waits for this.
 */
export const EVERY_SLIDE_ATTRIBUTE = 'data-deck-every-slide';
export const EVERY_SLIDE_SELECTOR = `html[${EVERY_SLIDE_ATTRIBUTE}]`;
/** Ready, and holding every slide. */
export const READY_WITH_EVERY_SLIDE_SELECTOR = `html[${READY_ATTRIBUTE}][${EVERY_SLIDE_ATTRIBUTE}]`;

/** On a chart's figure once its pixels are on the canvas; its value is `error` when drawing failed. */
export const DRAWN_ATTRIBUTE = 'data-drawn';
export const DRAWN_ERROR = 'error';

/** A chart's figure. */
export const CHART_SELECTOR = 'figure.deck-chart';

/** Columns written in Markdown (`::: columns` / `::: column`): the row's class and each column's class. */
export const COLUMNS_CLASS = 'deck-columns';
export const COLUMN_CLASS = 'deck-column';
/** On a column with a width (`::: column 40%`): its share of the row, read by the layouts' style sheet. */
export const COLUMN_SHARE_PROPERTY = '--deck-column-share';

/** Slide layouts: classes of a slide's `<section>` (`<!-- .slide: class="kpi" -->`) that shape the whole slide. */
export const SLIDE_LAYOUTS = ['title', 'section', 'image-left', 'image-right', 'cover', 'kpi', 'quote'] as const;
export type SlideLayout = (typeof SLIDE_LAYOUTS)[number];

/**
 * What the compiler marks for the layouts' style sheet (src/runtime/theme/layouts.css): the image that
 * fills half of an image-left/right slide, a cover's text on its scrim, a kpi slide's list of figures,
 * and a quote slide's figure (`<blockquote>` with its source as `<figcaption>`).
 */
export const LAYOUT_CLASSES = {
  image: 'deck-layout-image',
  coverText: 'deck-cover-text',
  kpis: 'deck-kpis',
  quote: 'deck-quote',
} as const;

/**
 * The deck's theme variables (`theme:` as a mapping in deck.yaml): the `<style>` element the compiler writes into
 * the page, and the custom properties it sets for each colour and font, ours first, then reveal.js's that a
 * reveal.js base theme reads. The runtime bundle stays the same for every deck.
 */
export const THEME_STYLE_ID = 'deck-theme-variables';
export const THEME_COLOUR_PROPERTIES = {
  text: ['--deck-text', '--r-main-color'],
  background: ['--deck-background', '--r-background-color'],
  accent: ['--deck-accent', '--r-link-color'],
  heading: ['--deck-heading', '--r-heading-color'],
} as const;
export const THEME_FONT_PROPERTIES = {
  body: ['--deck-font', '--r-main-font'],
  heading: ['--deck-heading-font', '--r-heading-font'],
  code: ['--deck-mono', '--r-code-font'],
} as const;

/** The theme's logo (an `<img>`, its corner in `data-corner`) and footer on each slide, written by the compiler. */
export const LOGO_CLASS = 'deck-logo';
export const FOOTER_CLASS = 'deck-footer';
export const THEME_CHROME_SELECTOR = `.${LOGO_CLASS}, .${FOOTER_CLASS}`;

/** A diagram's figure (its SVG drawn at build time inside it): the class the compiler writes, and what exporters and tests find. */
export const DIAGRAM_CLASS = 'deck-diagram';
export const DIAGRAM_SELECTOR = `figure.${DIAGRAM_CLASS}`;

/**
 * A property (not an attribute) of a drawn chart's canvas: the text the chart drew in its last frame
 * (`DrawnChartText[]`), which `deck check` measures, since on a canvas it is only pixels.
 */
export const DRAWN_TEXT_PROPERTY = 'deckDrawnText';

/** Text a chart drew: its size in the canvas' CSS pixels; value labels also where and how. */
export interface DrawnChartText {
  kind: 'value-label' | 'axis' | 'legend' | 'line-label';
  /** The text, or for an axis or the legend its smallest item. */
  text: string;
  size: number;
  placed?: { font: string; x: number; y: number; align: CanvasTextAlign; baseline: CanvasTextBaseline; of: string };
}

/**
 * A function on `window`, set once the page can draw charts: what a figure's chart instance draws
 * (`DrawnChartValues`), or null for a figure without one. Tests read drawn values back with it.
 */
export const CHART_VALUES_HOOK = 'deckChartValues';

/** A chart instance's data and scales as Chart.js holds them. */
export interface DrawnChartValues {
  type: string;
  labels: string[];
  datasets: {
    label: string;
    data: unknown[];
    type: string;
    hidden: boolean;
    yAxisID: string;
    xAxisID: string;
    backgroundColor: unknown;
    /** Where each bar, point or arc is, in CSS pixels of the canvas (a bar from `base` to `y`, or to `x` when horizontal). */
    elements: { x: number; y: number; base: number; width: number; height: number }[];
  }[];
  scales: Record<string, { type: string; axis: string; position: string; min: number; max: number; gridDisplay: boolean; ticks: string[] }>;
  /** Reference lines and bands with the scale they are drawn on. */
  lines: { kind: string; scaleId: string; from: number; to: number; label: string; color: string }[];
}

declare global {
  interface Window {
    [CHART_VALUES_HOOK]?: (figure: Element) => DrawnChartValues | null;
  }
}

/** An empty reveal.js fragment inside a chart's figure, one per build-up step: the visible ones are the steps shown. */
export const CHART_STEP_CLASS = 'deck-chart-step';

/** One printed page of reveal.js's print view, and where those pages sit. */
export const PRINT_PAGE_CLASS = 'pdf-page';
export const PRINT_PAGE_SELECTOR = `.reveal .slides > .${PRINT_PAGE_CLASS}`;

/**
 * Dispatched on `document` by the PDF exporter, which prints a long deck in parts (src/export/print-parts.ts):
 * `detail` true before it takes print pages out of the document, false once they are all back. Meanwhile the
 * print view's charts do not follow their size (print-view.ts), so pages going out and in cost them nothing.
 */
export const PRINT_PARTS_EVENT = 'deck:print-parts';

/** A slide's speaker notes. */
export const NOTES_SELECTOR = 'aside.notes';

/**
 * A slide whose body the page carries as data until it is needed (large decks): its `<section>` holds
 * only this `<script type="application/json">` with the body's HTML as a JSON string.
 */
export const DEFERRED_BODY_CLASS = 'deck-deferred-body';

/**
 * `<meta name="deck-present" content="…">` that `deck present` injects into a served index.html: its content is
 * a `PresentPageConfig` (src/present/protocol.ts) as JSON. A static build has none, and loads nothing of present mode.
 */
export const PRESENT_META_NAME = 'deck-present';

/**
 * `deck present`'s paths and query, relative to a page's base (`/p/<T>/`, `/a/<A>/`): the relay's WebSocket,
 * the server's own endpoints (the QR codes the speaker view shows), and the query a control connection names
 * itself with (`_relay?as=presenter`). Here rather than in src/present/protocol.ts (which re-exports them) so the
 * page takes them without zod.
 */
export const RELAY_PATH = '_relay';
export const PRESENT_ENDPOINTS_PATH = '_present';
export const REMOTE_QR_PATH = `${PRESENT_ENDPOINTS_PATH}/remote-qr.svg`;
export const AUDIENCE_QR_PATH = `${PRESENT_ENDPOINTS_PATH}/audience-qr.svg`;
export const CONTROL_ROLE_QUERY = 'as';
/** The query that makes the presenter's page the phone remote (`/p/<T>/?remote`). */
export const REMOTE_QUERY = 'remote';

/** On each slide's `<section>`: `file:line` of its Markdown. */
export const SOURCE_ATTRIBUTE = 'data-source';
/** On a block of a slide: the Markdown line it starts at. */
export const LINE_ATTRIBUTE = 'data-line';

/** The print view's own query flags (beside reveal.js's configuration overrides). */
export const PRINT_FLAGS = {
  /** reveal.js's print view. */
  printPdf: 'print-pdf',
  /** Canvas pixels per CSS pixel of the charts. */
  chartDensity: 'chart-density',
  /** Printed only, never pictured: only pages with a chart are laid out on screen. */
  printOnly: 'print-only',
  /**
   * Measured only, never printed or pictured (the PowerPoint file, whose charts are native): the charts
   * are not drawn and Chart.js is not loaded. A chart's box is its figure's CSS layout either way:
   * Chart.js only sizes its canvas to that box.
   */
  measureOnly: 'measure-only',
} as const;

/** The names a function running in the page needs, passed to it as its argument. */
export const PAGE_NAMES = {
  ready: READY_ATTRIBUTE,
  drawn: DRAWN_ATTRIBUTE,
  drawnError: DRAWN_ERROR,
  chart: CHART_SELECTOR,
  drawnText: DRAWN_TEXT_PROPERTY,
  printPage: PRINT_PAGE_SELECTOR,
  notes: NOTES_SELECTOR,
  source: SOURCE_ATTRIBUTE,
  line: LINE_ATTRIBUTE,
  themeChrome: THEME_CHROME_SELECTOR,
  column: `.${COLUMN_CLASS}`,
} as const;
export type PageNames = typeof PAGE_NAMES;

/** What the exporter asks of the print view. */
export interface PrintViewQuery {
  /** One page per fragment step instead of one per slide. */
  fragments: boolean;
  /** Canvas pixels per CSS pixel of the charts; omitted: the print view's own ≥ 2×. */
  chartDensity?: number | undefined;
  /** Only printed, never pictured. */
  printOnly?: boolean | undefined;
  /** Only measured: charts undrawn. */
  measureOnly?: boolean | undefined;
}

/** The query of the print view: reveal.js's overrides (pages exactly the slide size, fragments as asked) and ours. */
export function printViewSearch(query: PrintViewQuery): string {
  const params = [`${PRINT_FLAGS.printPdf}`, 'margin=0', 'pdfPageHeightOffset=0', `pdfSeparateFragments=${query.fragments}`];
  if (query.chartDensity) params.push(`${PRINT_FLAGS.chartDensity}=${query.chartDensity}`);
  if (query.printOnly) params.push(PRINT_FLAGS.printOnly);
  if (query.measureOnly) params.push(PRINT_FLAGS.measureOnly);
  return `?${params.join('&')}`;
}

/** The deck's URL at its print view. */
export function printViewUrl(deckUrl: string, query: PrintViewQuery): string {
  const url = new URL(deckUrl);
  url.search = printViewSearch(query);
  url.hash = '';
  return url.href;
}

/** What the page reads from its query (`location.search`). */
export interface PrintViewFlags {
  printView: boolean;
  /** Asked chart density, or null for the default. */
  chartDensity: number | null;
  printOnly: boolean;
  measureOnly: boolean;
}

export function readPrintViewFlags(search: string): PrintViewFlags {
  const params = new URLSearchParams(search);
  // As reveal.js decides it: the flag anywhere in the query, in any case.
  const printView = search.toLowerCase().includes(PRINT_FLAGS.printPdf);
  const density = Number(params.get(PRINT_FLAGS.chartDensity));
  return {
    printView,
    chartDensity: params.has(PRINT_FLAGS.chartDensity) && density > 0 && Number.isFinite(density) ? density : null,
    printOnly: params.has(PRINT_FLAGS.printOnly),
    measureOnly: params.has(PRINT_FLAGS.measureOnly),
  };
}
