/** Reads an exported PowerPoint file for tests: its parts, per slide its text runs, pictures, charts and notes. */
import { readFileSync } from 'node:fs';
import { load, type CheerioAPI } from 'cheerio';
import JSZip from 'jszip';

export interface PptxChart {
  part: string;
  /** `barChart`, `lineChart`, … one per group (two or more in a combo chart). */
  types: string[];
  /** `col` or `bar` for bar charts. */
  barDir: string | null;
  grouping: string | null;
  title: string;
  series: { name: string; categories: string[]; values: (number | null)[]; xValues: (number | null)[] }[];
  /** Label format codes of each series (the first `numFmt` of its `dLbls`). */
  labelFormats: string[];
  /** The embedded workbook the chart's data opens in. */
  workbook: string | null;
  xml: string;
}

export interface PptxSlide {
  part: string;
  /** Every `a:t` run of the slide's shapes, in order. */
  runs: string[];
  /** The slide's text, runs joined. */
  text: string;
  pictures: number;
  charts: PptxChart[];
  /** Where each chart sits on the slide, in EMU. */
  chartFrames: { x: number; y: number; cx: number; cy: number }[];
  /** Paragraphs of the notes, empty when none. */
  notes: string[];
  /** Hyperlink targets. */
  links: string[];
  xml: string;
}

export interface PptxFile {
  parts: string[];
  slides: PptxSlide[];
  core: CheerioAPI;
  /** Slide size in EMU. */
  size: { cx: number; cy: number };
  zip: JSZip;
}

const xml = (text: string) => load(text, { xml: true });

function relationships(text: string | undefined): Map<string, { target: string; type: string }> {
  const rels = new Map<string, { target: string; type: string }>();
  if (!text) return rels;
  const $ = xml(text);
  $('Relationship').each((_, element) => {
    rels.set($(element).attr('Id')!, { target: $(element).attr('Target')!, type: $(element).attr('Type')! });
  });
  return rels;
}

/** `../charts/chart3.xml` relative to `ppt/slides/` → `ppt/charts/chart3.xml`. */
function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

const number = (text: string) => (text.trim() === '' ? null : Number(text));

async function readChart(zip: JSZip, part: string): Promise<PptxChart> {
  const text = await zip.file(part)!.async('string');
  const $ = xml(text);
  const rels = relationships(await zip.file(part.replace(/([^/]+)$/, '_rels/$1.rels'))?.async('string'));
  const workbook = [...rels.values()].find((rel) => rel.type.endsWith('/package'));
  const plot = $('c\\:plotArea').children().toArray();
  const types = plot.map((element) => element.tagName.replace(/^c:/, '')).filter((name) => name.endsWith('Chart'));
  return {
    part,
    types,
    barDir: $('c\\:barDir').attr('val') ?? null,
    grouping: $('c\\:grouping').first().attr('val') ?? null,
    title: $('c\\:title a\\:t').toArray().map((t) => $(t).text()).join(''),
    series: $('c\\:ser')
      .toArray()
      .map((ser) => ({
        name: $(ser).find('c\\:tx c\\:v').text(),
        categories: $(ser).find('c\\:cat c\\:pt c\\:v').toArray().map((v) => $(v).text()),
        values: $(ser).find('c\\:val c\\:pt, c\\:yVal c\\:pt').toArray().map((pt) => number($(pt).find('c\\:v').text())),
        xValues: $(ser).find('c\\:xVal c\\:pt').toArray().map((pt) => number($(pt).find('c\\:v').text())),
      })),
    labelFormats: $('c\\:ser')
      .toArray()
      .map((ser) => $(ser).find('c\\:dLbls c\\:numFmt').first().attr('formatCode') ?? ''),
    workbook: workbook ? resolvePart(part, workbook.target) : null,
    xml: text,
  };
}

export async function readPptx(path: string): Promise<PptxFile> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const parts = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  const presentation = xml(await zip.file('ppt/presentation.xml')!.async('string'));
  const presentationRels = relationships(await zip.file('ppt/_rels/presentation.xml.rels')!.async('string'));
  const order = presentation('p\\:sldId')
    .toArray()
    .map((element) => resolvePart('ppt/presentation.xml', presentationRels.get(presentation(element).attr('r:id')!)!.target));
  const size = presentation('p\\:sldSz');
  const slides: PptxSlide[] = [];
  for (const part of order) {
    const text = await zip.file(part)!.async('string');
    const $ = xml(text);
    const rels = relationships(await zip.file(part.replace(/([^/]+)$/, '_rels/$1.rels'))?.async('string'));
    const runs = $('p\\:sp a\\:t, p\\:graphicFrame a\\:tbl a\\:t')
      .toArray()
      .map((t) => $(t).text());
    const charts: PptxChart[] = [];
    const chartFrames: PptxSlide['chartFrames'] = [];
    for (const chart of $('c\\:chart').toArray()) {
      charts.push(await readChart(zip, resolvePart(part, rels.get($(chart).attr('r:id')!)!.target)));
      const xfrm = $(chart).closest('p\\:graphicFrame').find('p\\:xfrm');
      const value = (selector: string, name: string) => Number(xfrm.find(selector).attr(name));
      chartFrames.push({ x: value('a\\:off', 'x'), y: value('a\\:off', 'y'), cx: value('a\\:ext', 'cx'), cy: value('a\\:ext', 'cy') });
    }
    const notesRel = [...rels.values()].find((rel) => rel.type.endsWith('/notesSlide'));
    let notes: string[] = [];
    if (notesRel) {
      const $notes = xml(await zip.file(resolvePart(part, notesRel.target))!.async('string'));
      const body = $notes('p\\:sp').filter((_, sp) => $notes(sp).find('p\\:ph[type="body"]').length > 0);
      notes = body
        .find('a\\:p')
        .toArray()
        .map((p) => $notes(p).find('a\\:t').text())
        .filter((paragraph) => paragraph !== '');
    }
    const links = $('a\\:hlinkClick')
      .toArray()
      .map((link) => rels.get($(link).attr('r:id') ?? '')?.target ?? '')
      .filter(Boolean);
    slides.push({ part, runs, text: runs.join(''), pictures: $('p\\:pic').length, charts, chartFrames, notes, links, xml: text });
  }
  const core = xml((await zip.file('docProps/core.xml')?.async('string')) ?? '<x/>');
  return { parts, slides, core, size: { cx: Number(size.attr('cx')), cy: Number(size.attr('cy')) }, zip };
}
