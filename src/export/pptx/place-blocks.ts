/**
 * Puts one measured slide onto a pptxgenjs slide: its background, text boxes, tables, pictures
 * and native charts where the print view drew them, the slide number as PowerPoint's own field,
 * and the notes. Sizes convert at the CSS rate: 96 px to the inch, 0.75 pt to the px.
 */
import type PptxGenJS from 'pptxgenjs';
import { nativeChart, type ChartFix } from './native-chart.ts';
import type { Box, MeasuredSlide, SlideBlock, TableCell, TextParagraph, TextRun } from './slide-layout.ts';

type Slide = PptxGenJS.Slide;
type TextProps = PptxGenJS.TextProps;

const inch = (px: number) => px / 96;
const pt = (px: number) => Math.round(px * 0.75 * 100) / 100;
const colour = (hex: string) => hex.replace(/^#/, '').toUpperCase();

/** CSS generic families have no font of that name in PowerPoint: the usual face of each. */
const GENERIC_FONTS: Record<string, string> = {
  'sans-serif': 'Arial',
  'system-ui': 'Arial',
  'ui-sans-serif': 'Arial',
  serif: 'Times New Roman',
  'ui-serif': 'Times New Roman',
  monospace: 'Courier New',
  'ui-monospace': 'Courier New',
};

export function fontName(css: string): string {
  return GENERIC_FONTS[css.toLowerCase()] ?? css;
}

function position(box: Box): PptxGenJS.PositionProps {
  return { x: inch(box.x), y: inch(box.y), w: inch(Math.max(1, box.width)), h: inch(Math.max(1, box.height)) };
}

/** A picture taken of an element with no native form, handed in by the exporter. */
export interface Picture {
  block: SlideBlock & { kind: 'picture' };
  png: Buffer;
}

export interface PlacedSlide {
  /** Fixes for each chart placed, in the order they were added. */
  charts: ChartFix[];
  warnings: string[];
}

/** What text runs are written with: the deck's language, and the file's slide number of each exported slide (by id) for links inside the deck. */
export interface RunContext {
  lang: string;
  slideNumbers: ReadonlyMap<string, number>;
}

/** A link as PowerPoint keeps it: a jump to a slide of the file, or a URL; a link to a slide left out (`--range`) is none. */
function hyperlink(link: string | null, slideNumbers: RunContext['slideNumbers']): PptxGenJS.HyperlinkProps | null {
  if (!link) return null;
  if (!link.startsWith('#')) return { url: link };
  const slide = slideNumbers.get(link.slice(1));
  return slide === undefined ? null : { slide };
}

/**
 * A run's options, every key always present (undefined when not set) and in one order: pptxgenjs reads
 * and copies these objects many times per run, and objects of one shape keep those reads fast.
 */
function runOptions(run: TextRun, settings: ParagraphSettings, breakLine: boolean, { lang, slideNumbers }: RunContext): PptxGenJS.TextPropsOptions {
  return {
    align: settings.align,
    lineSpacing: settings.lineSpacing,
    paraSpaceBefore: settings.paraSpaceBefore,
    bullet: settings.bullet,
    indentLevel: settings.indentLevel,
    bold: run.bold,
    italic: run.italic,
    fontFace: fontName(run.font),
    fontSize: pt(run.size),
    color: colour(run.color),
    lang,
    hyperlink: hyperlink(run.link, slideNumbers) ?? undefined,
    softBreakBefore: run.breakBefore || undefined,
    breakLine: breakLine || undefined,
  };
}

type ParagraphSettings = Pick<PptxGenJS.TextPropsOptions, 'align' | 'lineSpacing' | 'paraSpaceBefore' | 'bullet' | 'indentLevel'>;

/** Paragraphs as pptxgenjs text runs: a paragraph ends with `breakLine`, and each run carries its paragraph's settings. */
export function textRuns(paragraphs: readonly TextParagraph[], context: RunContext): TextProps[] {
  const runs: TextProps[] = [];
  paragraphs.forEach((paragraph, p) => {
    const settings: ParagraphSettings = {
      align: paragraph.align,
      lineSpacing: pt(paragraph.lineHeight),
      paraSpaceBefore: paragraph.spaceBefore > 0 ? pt(paragraph.spaceBefore) : undefined,
      bullet: paragraph.bullet ? (paragraph.bullet === 'number' ? { type: 'number', indent: pt(Math.max(8, paragraph.indent)) } : { indent: pt(Math.max(8, paragraph.indent)) }) : undefined,
      indentLevel: paragraph.bullet ? paragraph.level : undefined,
    };
    const content = paragraph.runs.length ? paragraph.runs : [{ text: '', bold: false, italic: false, font: 'Arial', size: 16, color: '#000000', code: false, link: null, breakBefore: false }];
    content.forEach((run, r) => {
      const last = r === content.length - 1 && p < paragraphs.length - 1;
      runs.push({ text: run.text, options: runOptions(run, settings, last, context) });
    });
  });
  return runs;
}

const TEXT_BOX: PptxGenJS.TextPropsOptions = { margin: 0, valign: 'top', fit: 'none', wrap: true, isTextBox: true };

function placeTable(slide: Slide, block: SlideBlock & { kind: 'table' }, context: RunContext): void {
  const cell = (source: TableCell): PptxGenJS.TableCell => ({
    text: textRuns(source.paragraphs, context),
    options: {
      ...(source.fill && { fill: { color: colour(source.fill) } }),
      ...(source.colspan > 1 && { colspan: source.colspan }),
      ...(source.rowspan > 1 && { rowspan: source.rowspan }),
      margin: source.padding.map(inch) as [number, number, number, number],
      valign: 'middle',
      border: [
        { type: 'none' },
        { type: 'none' },
        source.border ? { type: 'solid', pt: 0.75, color: colour(source.border) } : { type: 'none' },
        { type: 'none' },
      ],
    },
  });
  slide.addTable(
    block.rows.map((row) => row.map(cell)),
    { ...position(block.box), colW: block.columns.map(inch), rowH: block.rowHeights.map(inch), autoPage: false },
  );
}

/** Places every block of `measured` on `slide`; pictures of elements without a native form come from `pictures`. */
export function placeSlide(slide: Slide, measured: MeasuredSlide, pictures: ReadonlyMap<SlideBlock, Buffer>, context: RunContext): PlacedSlide {
  const placed: PlacedSlide = { charts: [], warnings: [] };
  const where = (block: SlideBlock) => {
    const file = measured.source.replace(/:\d+$/, '');
    return `slide ${measured.number}${block.origin.line ? ` (${file}:${block.origin.line})` : measured.source ? ` (${measured.source})` : ''}`;
  };
  const { image, color, opacity } = measured.background;
  if (color) slide.background = { color: colour(color) };
  // An opaque image is the slide's background; a faded one (`data-background-opacity`) a picture over its colour.
  if (image && opacity >= 1) slide.background = { data: image };
  else if (image) slide.addImage({ data: image, x: 0, y: 0, w: '100%', h: '100%', transparency: Math.round((1 - opacity) * 100) });

  for (const block of measured.blocks) {
    switch (block.kind) {
      case 'shape':
        slide.addShape('rect', { ...position(block.box), fill: { color: colour(block.fill) }, line: { type: 'none' } });
        break;
      case 'text':
        if (block.paragraphs.some((paragraph) => paragraph.runs.length)) slide.addText(textRuns(block.paragraphs, context), { ...position(block.box), ...TEXT_BOX });
        break;
      case 'table':
        placeTable(slide, block, context);
        break;
      case 'image':
        slide.addImage({ data: block.data, ...position(block.box), altText: block.alt });
        break;
      case 'picture': {
        const png = pictures.get(block);
        if (!png) throw new Error(`no picture taken of <${block.origin.tag}> on slide ${measured.number}`);
        slide.addImage({ data: `image/png;base64,${png.toString('base64')}`, ...position(block.box) });
        placed.warnings.push(`${where(block)}: <${block.origin.tag}> has no PowerPoint form; placed as a picture`);
        break;
      }
      case 'chart': {
        const title = block.title && { font: fontName(block.title.font), size: block.title.size, color: block.title.color, bold: block.title.bold };
        const chart = nativeChart(block.spec, { ...block.text, font: fontName(block.text.font), title, width: block.chartBox.width });
        const options = { ...chart.options, ...position(block.chartBox) };
        if (chart.types.length === 1) slide.addChart(chart.types[0]!.type as PptxGenJS.CHART_NAME, chart.types[0]!.data, { ...options, ...chart.types[0]!.options });
        // A combo chart's options go where the data would (pptxgenjs reads `data || options` for several types).
        else slide.addChart(chart.types as PptxGenJS.IChartMulti[], options as never);
        placed.charts.push(chart.fixes);
        if (chart.dropped.length) placed.warnings.push(`${where(block)}: chart "${block.spec.title}" without ${chart.dropped.join(', ')} in PowerPoint`);
        if (block.caption) slide.addText(textRuns(block.caption.paragraphs, context), { ...position(block.caption.box), ...TEXT_BOX });
        break;
      }
    }
  }
  if (measured.slideNumber) {
    const { box, run } = measured.slideNumber;
    slide.slideNumber = { ...position(box), fontFace: fontName(run.font), fontSize: pt(run.size), color: colour(run.color), margin: 0, align: 'right' } as PptxGenJS.SlideNumberProps;
  }
  if (measured.notes.length) slide.addNotes(measured.notes.map((paragraph) => paragraph.text).join('\n'));
  return placed;
}
