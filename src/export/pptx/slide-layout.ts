/**
 * What the print view tells the PowerPoint export about each slide: every block with its box in
 * CSS pixels of the slide, its text as styled runs, tables, images, charts (their spec) and what
 * has no native form. Plain data, measured in the page by `measureSlides` (measure-slides.ts).
 */
import type { ChartSpec } from '../../types.ts';

/** A rectangle in CSS pixels, relative to the slide's top left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextRun {
  text: string;
  bold: boolean;
  italic: boolean;
  /** The first family of the element's `font-family`. */
  font: string;
  /** CSS pixels. */
  size: number;
  /** `#rrggbb`. */
  color: string;
  /** Inside `<code>`: a monospace span. */
  code: boolean;
  /** Where the run links to: an absolute URL, or `#` and a slide's id for a link to a slide of this deck. */
  link: string | null;
  /** A line break (`<br>`, or a newline in code) before this run's text. */
  breakBefore: boolean;
}

export interface TextParagraph {
  runs: TextRun[];
  align: 'left' | 'center' | 'right' | 'justify';
  /** Nesting of list items, from 0. */
  level: number;
  bullet: 'bullet' | 'number' | null;
  /** Where the text of a list item starts, from the block's left edge (px). */
  indent: number;
  /** CSS pixels. */
  lineHeight: number;
  /** Space above the paragraph (its top margin, or the gap to the one before), px. */
  spaceBefore: number;
}

export interface TableCell {
  paragraphs: TextParagraph[];
  fill: string | null;
  colspan: number;
  rowspan: number;
  /** Cell padding, px: top, right, bottom, left. */
  padding: [number, number, number, number];
  /** Bottom border colour, if one is drawn. */
  border: string | null;
}

/** Where a block comes from, for warnings: `<iframe>` and its Markdown line. */
export interface BlockOrigin {
  tag: string;
  line: number | null;
}

export type SlideBlock =
  | { kind: 'text'; box: Box; paragraphs: TextParagraph[]; origin: BlockOrigin }
  | { kind: 'table'; box: Box; rows: TableCell[][]; columns: number[]; rowHeights: number[]; origin: BlockOrigin }
  | { kind: 'image'; box: Box; data: string; alt: string; origin: BlockOrigin }
  | {
      kind: 'chart';
      box: Box;
      spec: ChartSpec;
      /** The chart's title and drawing area together: where the native chart goes. */
      chartBox: Box;
      /** Source line and note, under the chart. */
      caption: { box: Box; paragraphs: TextParagraph[] } | null;
      /** The chart's text colour, font and size (CSS px), as the page draws its labels. */
      text: { color: string; font: string; size: number };
      /** The style of the chart's title above it. */
      title: TextRun | null;
      origin: BlockOrigin;
    }
  | { kind: 'picture'; box: Box; clip: Box; origin: BlockOrigin }
  | { kind: 'shape'; box: Box; fill: string; origin: BlockOrigin };

export interface NotesParagraph {
  text: string;
  /** List nesting: 0 for a paragraph, 1… for list items. */
  level: number;
}

export interface MeasuredSlide {
  /** 1-based, as the deck counts slides. */
  number: number;
  /** `file:line` of the slide's Markdown. */
  source: string;
  title: string;
  /** The background colour, and an image over it (with its opacity, 0–1). */
  background: { color: string | null; image: string | null; opacity: number };
  slideNumber: { box: Box; text: string; run: TextRun } | null;
  blocks: SlideBlock[];
  notes: NotesParagraph[];
}

/** A slide as `measureSlides` reads it; its notes come from `measureNotes` (measure-notes.ts). */
export type SlideLayout = Omit<MeasuredSlide, 'notes'>;
