/**
 * The one contract shared by compiler, Vite plugin, browser runtime and CLI.
 * Everything here is plain data (JSON-serialisable).
 */
import type { ChartSeries, ChartSpec, ChartType } from './compiler/chart/chart-schema.ts';
import type { DeckSettings } from './compiler/settings/deck-settings.ts';

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

/** Charts: the types come from the chart block's schema (`import type`: zod stays out of the runtime). */
export type { ChartSeries, ChartSpec, ChartType };

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
  /** What the slide needs the page to load beyond the runtime; absent: nothing. */
  usage?: SlideUsage;
  /** Diagrams of the slide (body, then notes), drawn by the build where their placeholders are; absent: none. */
  diagrams?: DiagramSource[];
}

/** A ```` ```mermaid ```` block as the compiler found it. */
export interface DiagramSource {
  /** The Mermaid text. */
  source: string;
  /** Markdown file and line of the fence, as diagnostics name them. */
  file: string;
  line: number;
}

/** Page resources that only decks using them load (a deck without math ships no KaTeX). */
export interface SlideUsage {
  /** Formulas rendered by KaTeX: its stylesheet and fonts. */
  math?: boolean;
}

export interface AssetReference {
  url: string;
  kind: 'image' | 'link';
  line: number;
  alt?: string;
}

/** Deck settings: the type comes from their schema, defaults filled in. */
export type { DeckSettings };

export interface CompiledDeck {
  settings: DeckSettings;
  /** Flat list in presentation order (stacks flattened, `v` > 0 inside stacks). */
  slides: Slide[];
  diagnostics: Diagnostic[];
  /** Data files the charts asked for (found or not), as paths beside the Markdown files' paths: watched by the dev server. */
  dataFiles?: string[];
  /** Files the theme settings name (fonts, logo) as written, where: checked like the slides' images; absent: none. */
  themeFiles?: { url: string; file: string; line: number }[];
}

/** What the runtime reads from the page (`#deck-manifest` and `#deck-slide-index`) and structure updates carry: the deck without slide bodies. */
export interface DeckManifest {
  settings: DeckSettings;
  slides: Pick<Slide, 'id' | 'h' | 'v' | 'title' | 'file' | 'line'>[];
  /** A built large deck's slides after its first ones, in a file of their own (render-sections.ts). */
  laterSlides?: LaterSlides;
}

/**
 * Where a built page finds the sections it does not carry: the deck's slides after its first
 * `EAGER_SLIDES` (whole horizontal stacks), markup of `<section>`s with their bodies as data, in a
 * file beside the page that the runtime fetches after the first slide is ready (later-slides.ts).
 */
export interface LaterSlides {
  /** The file, relative to the page. */
  href: string;
  /** The slides reveal.js counts once they are in (`getTotalSlides()`): for the slide number meanwhile. */
  total: number;
}

/** One slide of a `content` update: its new markup and manifest entry, found in the page by the id it had. */
export interface SlideChange {
  /** Flat index (unchanged by a content update). */
  index: number;
  /** The slide's id before the edit (a new heading gives it a new one). */
  id: string;
  html: string;
  /** Only its notes changed. */
  notesOnly?: boolean;
  slide: DeckManifest['slides'][number];
}

/** Hot-reload payload sent by the Vite plugin as the `deck:update` event. */
export type DeckUpdate =
  /** Same slide structure: only these slides changed. */
  | { kind: 'content'; changed: SlideChange[] }
  /** Slides added, removed or moved: the whole `.slides` markup. */
  | { kind: 'structure'; html: string; manifest: DeckManifest };

export const DECK_UPDATE_EVENT = 'deck:update';

/**
 * Id of the page's `<script type="application/json">` that holds the `DeckManifest`'s settings: all the
 * first slide needs. The slides' entries are in `#deck-slide-index`, read when first needed (after ready).
 */
export const MANIFEST_ELEMENT_ID = 'deck-manifest';
export const SLIDE_INDEX_ELEMENT_ID = 'deck-slide-index';
