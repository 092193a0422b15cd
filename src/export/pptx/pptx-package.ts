/**
 * The finishing pass over the file pptxgenjs wrote, part by part: the chart fixes
 * (chart-xml-fixes.ts), speaker notes as paragraphs and list items (pptxgenjs writes notes as one
 * run of text), and the deck's language in the document properties.
 */
import JSZip from 'jszip';
import { fixChartXml } from './chart-xml-fixes.ts';
import type { ChartFix } from './native-chart.ts';
import type { NotesParagraph } from './slide-layout.ts';

export interface PackageFixes {
  /** Per chart, in the order the charts were added. */
  charts: ChartFix[];
  /** Per slide of the file (1-based), its notes. */
  notes: ReadonlyMap<number, NotesParagraph[]>;
  lang: string;
}

const CHART_PART = /^ppt\/charts\/chart(\d+)\.xml$/;
/** Indent of a notes list level, in EMU (a quarter inch). */
const NOTES_INDENT = 228600;

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
export function chartParts(zip: JSZip): string[] {
  return Object.keys(zip.files)
    .filter((name) => CHART_PART.test(name))
    .sort((a, b) => Number(CHART_PART.exec(a)![1]) - Number(CHART_PART.exec(b)![1]));
}

export async function finishPackage(bytes: Uint8Array, fixes: PackageFixes): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const charts = chartParts(zip);
  if (charts.length !== fixes.charts.length) throw new Error(`expected ${fixes.charts.length} chart parts, found ${charts.length}`);
  await Promise.all(charts.map(async (name, i) => zip.file(name, fixChartXml(await zip.file(name)!.async('string'), fixes.charts[i]!))));

  await Promise.all(
    [...fixes.notes].map(async ([slide, paragraphs]) => {
      const name = `ppt/notesSlides/notesSlide${slide}.xml`;
      const xml = await zip.file(name)?.async('string');
      if (!xml) throw new Error(`notes part ${name} missing`);
      // The body placeholder's single paragraph (pptxgenjs's text of the notes) becomes one paragraph per paragraph or item.
      const body = /(<p:ph type="body" idx="1"\/><\/p:nvPr><\/p:nvSpPr><p:spPr\/><p:txBody><a:bodyPr\/><a:lstStyle\/>)<a:p>[\s\S]*?<\/a:p>/;
      if (!body.test(xml)) throw new Error(`notes part ${name}: body placeholder not found`);
      zip.file(name, xml.replace(body, (_, head: string) => `${head}${notesParagraphsXml(paragraphs, fixes.lang)}`));
    }),
  );

  const core = await zip.file('docProps/core.xml')?.async('string');
  if (core) zip.file('docProps/core.xml', core.replace('</cp:coreProperties>', `<dc:language>${escapeText(fixes.lang)}</dc:language></cp:coreProperties>`));
  return await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' });
}
