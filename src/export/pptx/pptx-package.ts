/**
 * The finishing pass over the file pptxgenjs wrote, part by part: the chart fixes
 * (chart-xml-fixes.ts), one paragraph property element per paragraph (slide-xml-fixes.ts), speaker
 * notes as paragraphs and list items (pptxgenjs writes notes as one run of text), and the deck's
 * language in the document properties. The parts come as pptxgenjs made them, XML as text
 * (pptxgenjs-parts.ts), and are zipped once, deflated by zlib (zip-parts.ts).
 */
import { fixChartXml } from './chart-xml-fixes.ts';
import type { PartData } from './pptxgenjs-parts.ts';
import { fixSlideXml } from './slide-xml-fixes.ts';
import type { ChartFix } from './native-chart.ts';
import type { NotesParagraph } from './slide-layout.ts';
import { zipParts } from './zip-parts.ts';

export interface PackageFixes {
  /** Per chart, in the order the charts were added. */
  charts: ChartFix[];
  /** Per slide of the file (1-based), its notes. */
  notes: ReadonlyMap<number, NotesParagraph[]>;
  lang: string;
}

const CHART_PART = /^ppt\/charts\/chart(\d+)\.xml$/;
const SLIDE_PART = /^ppt\/slides\/slide\d+\.xml$/;
/** Indent of a notes list level, in EMU (a quarter inch). */
const NOTES_INDENT = 228600;
/** The notes body placeholder's single paragraph, as pptxgenjs writes it. */
const NOTES_BODY = /(<p:ph type="body" idx="1"\/><\/p:nvPr><\/p:nvSpPr><p:spPr\/><p:txBody><a:bodyPr\/><a:lstStyle\/>)<a:p>[\s\S]*?<\/a:p>/;

function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function notesParagraphsXml(paragraphs: readonly NotesParagraph[], lang: string): string {
  return paragraphs
    .map((paragraph) => {
      const list = paragraph.level > 0;
      const properties = list ? `<a:pPr marL="${NOTES_INDENT * paragraph.level}" indent="-${NOTES_INDENT}"><a:buFont typeface="Arial"/><a:buChar char="•"/></a:pPr>` : '<a:pPr marL="0" indent="0"><a:buNone/></a:pPr>';
      return `<a:p>${properties}<a:r><a:rPr lang="${lang}" dirty="0"/><a:t>${escapeText(paragraph.text)}</a:t></a:r></a:p>`;
    })
    .join('');
}

/** Chart parts in the order their charts were added: pptxgenjs numbers them from a counter that only grows. */
export function chartParts(names: readonly string[]): string[] {
  return names.filter((name) => CHART_PART.test(name)).sort((a, b) => Number(CHART_PART.exec(a)![1]) - Number(CHART_PART.exec(b)![1]));
}

/** The finished file from pptxgenjs's parts (changed in place). */
export function finishPackage(parts: Map<string, PartData>, fixes: PackageFixes): Uint8Array {
  const text = (name: string): string => {
    const part = parts.get(name);
    if (typeof part !== 'string') throw new Error(`part ${name} ${part ? 'not text' : 'missing'}`);
    return part;
  };
  const charts = chartParts([...parts.keys()]);
  if (charts.length !== fixes.charts.length) throw new Error(`expected ${fixes.charts.length} chart parts, found ${charts.length}`);
  charts.forEach((name, i) => parts.set(name, fixChartXml(text(name), fixes.charts[i]!)));

  for (const name of parts.keys()) if (SLIDE_PART.test(name)) parts.set(name, fixSlideXml(text(name)));

  for (const [slide, paragraphs] of fixes.notes) {
    const name = `ppt/notesSlides/notesSlide${slide}.xml`;
    const xml = text(name);
    if (!NOTES_BODY.test(xml)) throw new Error(`notes part ${name}: body placeholder not found`);
    parts.set(name, xml.replace(NOTES_BODY, (_, head: string) => `${head}${notesParagraphsXml(paragraphs, fixes.lang)}`));
  }

  const core = 'docProps/core.xml';
  parts.set(core, text(core).replace('</cp:coreProperties>', `<dc:language>${escapeText(fixes.lang)}</dc:language></cp:coreProperties>`));
  return zipParts(parts);
}
