/**
 * The one contract shared by compiler, Vite plugin, browser runtime and CLI.
 * Everything here is plain data (JSON-serialisable).
 */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Stable rule name, e.g. `chart-schema`, `unknown-setting`. */
  code: string;
  message: string;
  /** Path of the Markdown/YAML file as given to the compiler. */
  file: string;
  /** 1-based line in that file. */
  line: number;
}

/** One Markdown (or YAML) file handed to the compiler. */
export interface SourceFile {
  /** Path used in diagnostics, e.g. `slides/03-geld.md`. */
  path: string;
  text: string;
}

export type ChartType = 'bar' | 'line' | 'doughnut' | 'pie';

export interface ChartSeries {
  name: string;
  values: (number | null)[];
  /** Resolved CSS colour for the whole series. */
  color: string;
  /** Resolved per-point colours (same length as labels). */
  colors?: string[];
  /** Values formatted for the deck language, with unit; `''` for null. */
  formatted: string[];
}

/** A validated chart, ready for the runtime. */
export interface ChartSpec {
  id: string;
  type: ChartType;
  title: string;
  unit: string;
  lang: string;
  decimals: number;
  horizontal: boolean;
  stacked: boolean;
  labels: string[];
  series: ChartSeries[];
  /** Index of the emphasised data point, if any. */
  highlight: number | null;
  min: number | null;
  max: number | null;
  source: string;
  note: string;
  /** CSS height of the drawing area in px. */
  height: number;
}

export interface Slide {
  /** Stable id, used as the section id and in URLs. */
  id: string;
  /** Horizontal and vertical index as reveal.js counts them. */
  h: number;
  v: number;
  file: string;
  /** First line of the slide in `file` (1-based). */
  line: number;
  title: string;
  /** Attributes for the `<section>` from `<!-- .slide: … -->`. */
  attributes: Record<string, string>;
  /** Rendered slide body (without notes). */
  html: string;
  /** Rendered notes, `''` when none. */
  notesHtml: string;
  /** Notes as plain text (for handouts, search). */
  notesText: string;
  charts: ChartSpec[];
  /** Local asset references found on the slide (images, links). */
  assets: AssetReference[];
}

export interface AssetReference {
  url: string;
  kind: 'image' | 'link';
  line: number;
  alt?: string;
}

export interface DeckSettings {
  title: string;
  author: string;
  date: string;
  lang: string;
  /** Built-in theme name or a path to a CSS file relative to the slides folder. */
  theme: string;
  transition: string;
  /** `16:9` or `4:3`. */
  aspect: string;
  width: number;
  height: number;
  /** Named colours usable in charts. */
  palette: Record<string, string>;
  /** Passed to reveal.js as is. */
  revealOptions: Record<string, unknown>;
  /** Hosts the deck may reference (otherwise it must work offline). */
  allowedHosts: string[];
}

export interface CompiledDeck {
  settings: DeckSettings;
  /** Flat list in presentation order (stacks flattened, `v` > 0 inside stacks). */
  slides: Slide[];
  diagnostics: Diagnostic[];
}

/** What the runtime reads from the page (`#deck-manifest`) and hot updates carry: the deck without slide bodies. */
export interface DeckManifest {
  settings: DeckSettings;
  slides: Pick<Slide, 'id' | 'h' | 'v' | 'title' | 'file' | 'line'>[];
}

/** Hot-reload payload sent by the Vite plugin as the `deck:update` event. */
export type DeckUpdate =
  /** Same slide structure: only these slides' markup changed (flat indices; `notesOnly`: only their notes). */
  | { kind: 'content'; changed: { index: number; html: string; notesOnly?: boolean }[]; manifest: DeckManifest }
  /** Slides added, removed or moved: the whole `.slides` markup. */
  | { kind: 'structure'; html: string; manifest: DeckManifest };

export const DECK_UPDATE_EVENT = 'deck:update';

/** Id of the page's `<script type="application/json">` that holds the `DeckManifest`. */
export const MANIFEST_ELEMENT_ID = 'deck-manifest';
