/**
 * `deck export --pptx`: the file itself, unzipped. One slide part per slide at the deck's size, titles
 * and text as text runs, native tables, pictures only where the deck has images or content without a
 * native form (with a warning), one native chart part per chart whose cached data and embedded
 * workbook are the YAML's, notes as paragraphs, metadata; the regression tests for pptxgenjs's chart
 * pitfalls; and the shipped deck's charts with the same numbers as slides/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHROME_MISSING } from '../../src/browser/find-chrome.ts';
import { exportDeck, type ExportResult } from '../../src/export/export-deck.ts';
import { OUTPUTS } from '../../src/export/export-outputs.ts';
import { formatCode } from '../../src/export/pptx/chart-format-code.ts';
import { SERIES_ORDER } from '../../src/export/pptx/chart-xml-fixes.ts';
import { silentProgress, type Progress } from '../../src/export/progress.ts';
import { compileFolder } from '../../src/loader/compile-folder.ts';
import type { ChartSpec, CompiledDeck } from '../../src/types.ts';
import { SHIPPED_DECK } from '../support/build-fixture.ts';
import { exportTempDir } from '../support/export-fixture.ts';
import { readPptx, type PptxChart, type PptxFile } from '../support/pptx-reader.ts';

export const PPTX_DECK = join(import.meta.dirname, '../fixtures/pptx-deck');

/** Chromium processes this process started and that are still running (Linux /proc). */
function chromiumChildren(): number[] {
  const children = readdirSync('/proc/self/task').flatMap((task) => readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(' ').filter(Boolean));
  return children.map(Number).filter((pid) => {
    try {
      return /chrom/i.test(readFileSync(`/proc/${pid}/comm`, 'utf8'));
    } catch {
      return false; // ended meanwhile
    }
  });
}

let dir: string;
let result: ExportResult;
let pptx: PptxFile;
let deck: CompiledDeck;
let shipped: PptxFile;
let shippedDeck: CompiledDeck;

beforeAll(async () => {
  dir = exportTempDir();
  deck = compileFolder(PPTX_DECK);
  shippedDeck = compileFolder(SHIPPED_DECK);
  result = await exportDeck({ slidesDir: PPTX_DECK, out: join(dir, 'dist'), pptx: true });
  pptx = await readPptx(join(dir, 'dist', 'powerpoint-probe.pptx'));
  await exportDeck({ slidesDir: SHIPPED_DECK, out: join(dir, 'shipped'), pptx: join(dir, 'shipped.pptx') });
  shipped = await readPptx(join(dir, 'shipped.pptx'));
});

const charts = (file: PptxFile) => file.slides.flatMap((slide) => slide.charts);
const specs = (compiled: CompiledDeck) => compiled.slides.flatMap((slide) => slide.charts);
const chartOf = (title: string) => charts(pptx).find((chart) => chart.title === title)!;
const specOf = (title: string) => specs(deck).find((spec) => spec.title === title)!;

/** The YAML's numbers in the order PowerPoint draws them (horizontal bars bottom-up). */
function expectedCategories(spec: ChartSpec): string[] {
  return spec.horizontal ? [...spec.labels].reverse() : spec.labels;
}

/** Every chart's cached categories and values are the spec's (waterfall: its heights add up to the values). */
function expectSameData(chart: PptxChart, spec: ChartSpec): void {
  if (spec.type === 'waterfall' || spec.type === 'scatter') return;
  expect(chart.series.map((series) => series.name)).toEqual(spec.series.map((series) => series.name).sort((a, b) => orderOf(spec, a) - orderOf(spec, b)));
  for (const series of chart.series) {
    const source = spec.series.find((s) => s.name === series.name)!;
    expect(series.categories).toEqual(expectedCategories(spec));
    expect(series.values).toEqual(spec.horizontal ? [...source.values].reverse() : source.values);
  }
}

/** Bars before lines, left axis before right: the order a combo chart's groups are written in. */
/** The first sheet of a chart's embedded workbook: its shared strings and the numbers in its cells. */
async function workbookSheet(file: PptxFile, chart: PptxChart): Promise<{ strings: string[]; numbers: number[] }> {
  const workbook = await JSZip.loadAsync(await file.zip.file(chart.workbook!)!.async('uint8array'));
  const xml = async (name: string) => (await workbook.file(name)?.async('string')) ?? '';
  const strings = load(await xml('xl/sharedStrings.xml'), { xml: true })('si')
    .map((_, si) => load(si).root().text())
    .get();
  const sheet = load(await xml('xl/worksheets/sheet1.xml'), { xml: true });
  const numbers = sheet('c:not([t="s"]) > v')
    .map((_, v) => Number(sheet(v).text()))
    .get();
  return { strings, numbers };
}

function orderOf(spec: ChartSpec, name: string): number {
  const series = spec.series.find((s) => s.name === name)!;
  return (series.type === 'line' ? 2 : 0) + (series.axis === 'right' ? 1 : 0) + spec.series.indexOf(series) / 100;
}

describe('the PowerPoint file', () => {
  it('has one slide part per slide, in deck order, at the deck size (16:9: 13.33 × 7.5 in)', () => {
    expect(pptx.slides.length).toBe(deck.slides.length);
    expect(pptx.parts.filter((part) => /^ppt\/slides\/slide\d+\.xml$/.test(part)).length).toBe(deck.slides.length);
    expect(pptx.size).toEqual({ cx: 12192000, cy: 6858000 });
    expect(result.files).toEqual([expect.objectContaining({ kind: 'pptx', path: join(dir, 'dist', 'powerpoint-probe.pptx'), count: deck.slides.length })]);
  });

  it('carries every slide title as a text run of its own slide', () => {
    deck.slides.forEach((slide, index) => expect(pptx.slides[index]!.runs).toContain(slide.title));
  });

  it('keeps inline formatting, links, German quotes and non-breaking spaces as text', () => {
    const first = pptx.slides[0]!;
    expect(first.text).toContain('„Anführungszeichen“');
    expect(first.text).toContain('10\u00a0Mrd. US-$');
    expect(first.runs).toEqual(expect.arrayContaining(['fett', 'kursiv', 'code', 'einem Verweis']));
    expect(first.links).toEqual(['https://example.org/probe']);
    expect(first.xml).toMatch(/<a:rPr[^>]* b="1"[^>]*>(?:(?!<\/a:r>).)*<a:t>fett<\/a:t>/s);
    expect(first.xml).toMatch(/<a:rPr[^>]* i="1"[^>]*>(?:(?!<\/a:r>).)*<a:t>kursiv<\/a:t>/s);
  });

  it('writes lists as paragraphs with bullets, numbers and levels', () => {
    const lists = pptx.slides[1]!;
    for (const item of ['Erster Punkt', 'Zweiter Punkt', 'Eingerückt', 'Dritter Punkt', 'Eins', 'Zwei']) expect(lists.runs).toContain(item);
    expect(lists.xml).toMatch(/<a:pPr[^>]*lvl="1"[^>]*>(?:(?!<\/a:p>).)*<a:t>Eingerückt<\/a:t>/s);
    expect(lists.xml).toContain('<a:buAutoNum');
  });

  it('gives every paragraph one paragraph properties element, its first child, as the schema allows (pptxgenjs writes one per run)', () => {
    const paragraphs = pptx.slides.flatMap((slide) => {
      const $ = load(slide.xml, { xml: true });
      return $('a\\:p')
        .toArray()
        .map((paragraph) => $(paragraph).children().toArray().map((child) => child.tagName));
    });
    // Paragraphs of several runs are there (so that the check below can fail), each with its settings kept first.
    expect(paragraphs.filter((children) => children.filter((tag) => tag === 'a:r').length > 1).length).toBeGreaterThan(0);
    expect(paragraphs.filter((children) => children.filter((tag) => tag === 'a:pPr').length > 1 || children.indexOf('a:pPr') > 0)).toEqual([]);
  });

  it('makes tables native tables and code a text box with its highlighting colours', () => {
    const slide = pptx.slides[2]!;
    expect(slide.xml).toContain('<a:tbl>');
    expect(slide.xml.match(/<a:tr /g)?.length).toBe(3);
    for (const cell of ['Jahr', 'Wert', '2019', '1\u00a0Mrd.', '10\u00a0Mrd.']) expect(slide.runs.map((run) => run.replace(/ /g, '\u00a0'))).toContain(cell);
    expect(slide.text).toContain('const summe = 1 + 2; // Kommentar');
    const colours = new Set([...slide.xml.matchAll(/<a:rPr[^>]*>\s*<a:solidFill><a:srgbClr val="(\w+)"\/><\/a:solidFill>(?:(?!<\/a:r>).)*<a:t>[^<]*(?:const|summe|Kommentar)/gs)].map((m) => m[1]));
    expect(colours.size).toBeGreaterThan(1);
  });

  it('places images and content without a native form as pictures, with a warning naming slide and element', () => {
    // Slide 4: its faded background image, the image, the iframe.
    expect(pptx.slides.map((slide) => slide.pictures)).toEqual(deck.slides.map((_, index) => (index === 3 ? 3 : 0)));
    expect(result.warnings).toContainEqual(expect.stringMatching(/^slide 4 \(01-text\.md:\d+\): <iframe> has no PowerPoint form; placed as a picture$/));
  });

  it('keeps slide backgrounds: the colour, and an image with its opacity', () => {
    expect(pptx.slides[0]!.xml).toMatch(/<p:bg><p:bgPr><a:solidFill><a:srgbClr val="0D1B2E"\/>/);
    expect(pptx.slides[3]!.xml).toMatch(/<a:blip r:embed="rId\d+"><a:alphaModFix amt="10000"\/>/);
  });

  it('writes the speaker notes into the notes, as paragraphs and list items', () => {
    deck.slides.forEach((slide, index) => {
      const notes = pptx.slides[index]!.notes;
      if (!slide.notesText) expect(notes).toEqual([]);
      else expect(notes.join(' ')).toBe(slide.notesText.replace(/\s+/g, ' ').trim());
    });
    expect(pptx.slides[0]!.notes).toEqual(['Begrüßung: Diese Notiz hat zwei Absätze.', 'Der zweite Absatz folgt hier.']);
    expect(pptx.slides[1]!.notes).toEqual(['Notiz mit Liste:', 'Punkt A', 'Punkt B']);
  });

  it('puts title, author and language into the document properties', () => {
    expect(pptx.core('dc\\:title').text()).toBe('PowerPoint-Probe');
    expect(pptx.core('dc\\:creator').text()).toBe('Grace Hopper');
    expect(pptx.core('dc\\:language').text()).toBe('de');
  });

  it('leaves no temporary files', () => {
    expect([...readdirSync(dir), ...readdirSync(join(dir, 'dist'))].filter((name) => name.includes('.tmp-'))).toEqual([]);
  });
});

describe('native charts', () => {
  it('has one chart part per chart, each on its slide, of its type, with its embedded workbook', () => {
    expect(pptx.parts.filter((part) => /^ppt\/charts\/chart\d+\.xml$/.test(part)).length).toBe(specs(deck).length);
    deck.slides.forEach((slide, index) => expect(pptx.slides[index]!.charts.map((chart) => chart.title)).toEqual(slide.charts.map((chart) => chart.title)));
    const expectedTypes: Record<string, string[]> = {
      bar: ['barChart'],
      waterfall: ['barChart'],
      line: ['lineChart'],
      area: ['areaChart'],
      scatter: ['scatterChart'],
      pie: ['pieChart'],
      doughnut: ['doughnutChart'],
    };
    for (const spec of specs(deck)) {
      const chart = chartOf(spec.title);
      const combo = spec.type === 'bar' && spec.series.some((series) => series.type === 'line');
      expect(chart.types, spec.title).toEqual(combo ? ['barChart', 'lineChart'] : expectedTypes[spec.type]);
      expect(chart.workbook && pptx.parts.includes(chart.workbook), spec.title).toBe(true);
    }
    expect(chartOf('Zusagen quer').barDir).toBe('bar');
    expect(chartOf('Investitionen je Jahr').barDir).toBe('col');
  });

  it('embeds in every chart a workbook (what "Edit Data" opens) whose sheet holds the chart\u2019s series, categories and values', async () => {
    for (const spec of specs(deck)) {
      const chart = chartOf(spec.title);
      const sheet = await workbookSheet(pptx, chart);
      for (const series of chart.series) {
        expect(sheet.strings, spec.title).toContain(series.name);
        for (const category of series.categories) expect(sheet.strings.concat(sheet.numbers.map(String)), spec.title).toContain(category);
        for (const value of [...series.values, ...series.xValues]) if (value !== null) expect(sheet.numbers, `${spec.title}: ${series.name}`).toContain(value);
      }
    }
  });

  it('caches the YAML\u2019s categories and values in every chart', () => {
    for (const spec of specs(deck)) expectSameData(chartOf(spec.title), spec);
    const scatter = chartOf('Kosten und Nutzen');
    expect(scatter.series[0]!.xValues).toEqual([1, 2, 4, 8]);
    expect(scatter.series[0]!.values).toEqual([3, 5, 6, 9]);
  });

  it('draws a waterfall as a stacked bar on an invisible base whose bars span the steps', () => {
    const chart = chartOf('Von 2019 bis heute');
    expect(chart.grouping).toBe('stacked');
    const [base, ends, ups, downs] = chart.series;
    expect(chart.xml).toMatch(/<c:ser><c:idx val="0"\/>(?:(?!<\/c:ser>).)*?<c:spPr><a:noFill\/>/s);
    expect(base!.values).toEqual([null, 1, 3, 10, null]);
    expect(ends!.values).toEqual([1, null, null, null, 10]);
    expect(ups!.values).toEqual([null, 2, 10, null, null]);
    expect(downs!.values).toEqual([null, null, null, 3, null]);
    expect(chart.labelFormats.slice(2)).toEqual([formatCode(specOf('Von 2019 bis heute').series[0]!.format, 'de', 13, '+'), formatCode(specOf('Von 2019 bis heute').series[0]!.format, 'de', 13, '-')]);
  });

  it('writes value labels in the deck\u2019s number format, and colours each point as the deck does (colors, highlight)', () => {
    const bars = chartOf('Investitionen je Jahr');
    expect(bars.labelFormats).toEqual(['[$-407]#,##0.0" Mrd. US-$"'.replace(' ', '\u00a0')]);
    // The highlight: the other points step back to 45 % opacity.
    expect(bars.xml.match(/<c:dPt>.*?<\/c:dPt>/gs)!.map((point) => point.includes('<a:alpha val="45000"/>'))).toEqual([true, true, false]);
    const colours = chartOf('Zusagen quer').xml.match(/<c:dPt>.*?<\/c:dPt>/gs)!.map((point) => /srgbClr val="(\w+)"/.exec(point)![1]);
    expect(colours).toEqual(['0067B8', '6B7280', '0067B8']);
    expect(bars.xml).toContain('<c:min val="0"/>');
    expect(bars.xml).toContain('<c:max val="12"/>');
  });
});

describe('pptxgenjs pitfalls', () => {
  it('a stacked bar with one series is stacked, with one colour and its children in schema order', () => {
    const chart = chartOf('Eine gestapelte Reihe');
    expect(chart.grouping).toBe('stacked');
    expect(chart.xml).toContain('<c:overlap val="100"/>');
    expect(chart.series).toHaveLength(1);
    expect(chart.xml).not.toContain('<c:dPt>');
  });

  it('quotes, & and $& in a unit stay a valid format code in well-formed XML', () => {
    const chart = chartOf('Eine gestapelte Reihe');
    const spec = specOf('Eine gestapelte Reihe');
    expect(spec.format.unit).toBe('"Stück" & Co');
    // Segments carry the number alone; the axis carries the unit, its quotes left out (a format code cannot escape them).
    expect(chart.labelFormats).toEqual(['[$-407]#,##0']);
    expect(chart.xml).toContain('formatCode="[$-407]#,##0&quot;\u00a0Stück &amp; Co&quot;"');
    expect(chartOf('Investitionen je Jahr').xml).toContain('formatCode="[$-407]#,##0.0&quot;\u00a0Mrd. US-$&quot;"');
    for (const part of charts(pptx)) expect(part.xml, part.title).not.toMatch(/&(?!amp;|quot;|lt;|gt;|apos;|#\d+;)/);
  });

  it('pie and doughnut labels take the deck\u2019s number format, not General or a percentage', () => {
    const pie = chartOf('Umsatzanteil');
    const doughnut = chartOf('Budget');
    const codes = (chart: PptxChart) => [...new Set([...chart.xml.matchAll(/<c:dLbl>.*?<c:numFmt formatCode="([^"]*)"/gs)].map((m) => m[1]))];
    expect(codes(pie)).toEqual(['[$-407]#,##0&quot;\u00a0%&quot;']);
    expect(codes(doughnut)).toEqual(['[$-407]#,##0&quot;\u00a0€&quot;']);
    for (const chart of [pie, doughnut]) expect(chart.xml).toContain('<c:showPercent val="0"/>');
  });

  it('pulls the highlighted slice out of the pie, and writes labels on slices in white or dark text by contrast', () => {
    const points = chartOf('Umsatzanteil').xml.match(/<c:dPt>.*?<\/c:dPt>/gs)!;
    expect(points.map((point) => point.includes('<c:explosion'))).toEqual([true, false]);
    const labelColours = [...chartOf('Umsatzanteil').xml.matchAll(/<c:dLbl>.*?<a:srgbClr val="(\w+)"\/>/gs)].map((m) => m[1]);
    // White on the blue and on the grey slice (both dark enough).
    expect(labelColours).toEqual(['FFFFFF', 'FFFFFF']);
  });

  it('no chart (mixed ones included) names an axis it does not have, numbers a series twice, or orders a series\u2019 children against the schema', () => {
    const combo = chartOf('Capex und Umsatzanteil');
    expect(combo.types).toEqual(['barChart', 'lineChart']);
    expect(combo.xml.match(/<c:valAx>/g)).toHaveLength(2);
    for (const chart of [...charts(pptx), ...charts(shipped)]) {
      const axes = [...chart.xml.matchAll(/<c:(?:catAx|valAx|dateAx|serAx)>\s*<c:axId val="(\d+)"/g)].map((m) => m[1]);
      const groups = [...chart.xml.matchAll(/<c:(\w+Chart)>(.*?)<\/c:\1>/gs)];
      for (const [, type, body] of groups) {
        const named = [...body!.matchAll(/<c:axId val="(\d+)"\/>/g)].map((m) => m[1]);
        if (type === 'pieChart' || type === 'doughnutChart') expect(named, chart.title).toEqual([]);
        else {
          expect(named, `${chart.title} ${type}`).toHaveLength(2);
          for (const id of named) expect(axes, chart.title).toContain(id);
        }
        const $ = load(`<root xmlns:c="c">${body}</root>`, { xml: true });
        for (const ser of $('c\\:ser').toArray()) {
          const children = $(ser).children().toArray().map((child) => child.tagName.replace(/^c:/, ''));
          const order = SERIES_ORDER[type!]!;
          expect(children.filter((name) => !order.includes(name)), `${chart.title} ${type}`).toEqual([]);
          const ranks = children.map((name) => order.indexOf(name));
          expect(ranks, `${chart.title}: ${children.join(',')}`).toEqual([...ranks].sort((a, b) => a - b));
        }
      }
      const indices = [...chart.xml.matchAll(/<c:ser><c:idx val="(\d+)"/g)].map((m) => m[1]);
      expect(new Set(indices).size, chart.title).toBe(indices.length);
    }
  });
});

describe('columns (tests/fixtures/layouts-deck)', () => {
  it('keeps a columns slide\u2019s columns side by side, each column\u2019s text in a box of its own', async () => {
    const out = exportTempDir();
    await exportDeck({ slidesDir: join(import.meta.dirname, '../fixtures/layouts-deck'), out: join(out, 'dist'), pptx: join(out, 'layouts.pptx') });
    const slide = (await readPptx(join(out, 'layouts.pptx'))).slides.find((s) => s.runs.includes('Two sides, compared'))!;
    const x = (text: string) => Number(new RegExp(`<a:off x="(\\d+)" y="\\d+"/>(?:(?!</p:sp>).)*<a:t>${text}</a:t>`, 's').exec(slide.xml)?.[1]);
    // A third of the slide's width (EMU) apart: the second column starts in the slide's right half.
    expect(x('OpenAI')).toBeGreaterThan(x('Microsoft') + 12192000 / 3);
    expect(x('builds the models')).toBeGreaterThan(x('invests and hosts') + 12192000 / 3);
  }, 60_000);
});

describe('the shipped deck', () => {
  it('gives its three charts as native charts with the same numbers as slides/', () => {
    expect(specs(shippedDeck)).toHaveLength(3);
    expect(charts(shipped).map((chart) => chart.title)).toEqual(specs(shippedDeck).map((spec) => spec.title));
    for (const spec of specs(shippedDeck)) {
      const chart = charts(shipped).find((candidate) => candidate.title === spec.title)!;
      expect(chart.types).toEqual(['barChart']);
      expectSameData(chart, spec);
      expect(chart.workbook && shipped.parts.includes(chart.workbook)).toBe(true);
    }
    expect(shipped.slides).toHaveLength(shippedDeck.slides.length);
    shippedDeck.slides.forEach((slide, index) => {
      expect(shipped.slides[index]!.runs).toContain(slide.title);
      expect(shipped.slides[index]!.pictures).toBe(0);
      if (slide.notesText) expect(shipped.slides[index]!.notes.join(' ')).toBe(slide.notesText.replace(/\s+/g, ' ').trim());
    });
  });
});

describe('the export\u2019s guarantees', () => {
  it('--range exports only those slides, in order', async () => {
    const file = join(dir, 'range.pptx');
    await exportDeck({ slidesDir: PPTX_DECK, out: join(dir, 'dist'), pptx: file, range: '5-6' });
    const subset = await readPptx(file);
    expect(subset.slides.map((slide) => slide.runs[0])).toEqual([deck.slides[4]!.title, deck.slides[5]!.title]);
    expect(charts(subset).map((chart) => chart.title)).toEqual([deck.slides[4]!.charts[0]!.title, deck.slides[5]!.charts[0]!.title]);
  });

  it('closes Chromium once the slides are read, before the file is written; keeps it for a PDF written after, which closes it once printed', async () => {
    /** Chromium processes (this process's children while open) when each step ends. */
    const chromiumAtStepEnds = async (outputs: { pptx: string; pdf?: string }): Promise<Record<string, number>> => {
      const counts: Record<string, number> = {};
      let step = '';
      const progress: Progress = { ...silentProgress, step: (label) => (step = label), done: () => (counts[step] = chromiumChildren().length) };
      await exportDeck({ slidesDir: PPTX_DECK, out: join(dir, 'dist'), ...outputs }, progress);
      return counts;
    };
    const [pptxStep, pdfStep] = (['pptx', 'pdf'] as const).map((kind) => OUTPUTS.find((output) => output.kind === kind)!.step);
    expect(await chromiumAtStepEnds({ pptx: join(dir, 'released.pptx') })).toMatchObject({ [pptxStep!]: 0 });
    const both = { pptx: join(dir, 'both.pptx'), pdf: join(dir, 'both.pdf') };
    expect(await chromiumAtStepEnds(both)).toMatchObject({ [pptxStep!]: 1, [pdfStep!]: 0 });
    expect([existsSync(both.pptx), existsSync(both.pdf)]).toEqual([true, true]);
  });

  it('turns links to slides of the deck into jumps to those slides of the file (by id and by number), keeps outside links, and drops the rest', async () => {
    const slidesDir = join(dir, 'links');
    mkdirSync(slidesDir);
    writeFileSync(
      join(slidesDir, '01.md'),
      '## Eins\n\n[Zur dritten](#/drei) · [Nummer drei](#/2) · [Zur zweiten](#/zwei) · [Anker](#anker) · [Außen](https://example.org/x)\n\n---\n\n## Zwei\n\n---\n\n## Drei\n',
    );
    const file = join(dir, 'links.pptx');
    // Slide 2 is left out: a link to it leads nowhere in the file.
    await exportDeck({ slidesDir, out: join(dir, 'dist-links'), pptx: file, range: '1,3' });
    const pptx = await readPptx(file);
    expect(pptx.slides.map((slide) => slide.text)).toEqual([expect.stringContaining('Eins'), expect.stringContaining('Drei')]);
    const [first] = pptx.slides as [PptxFile['slides'][number]];
    expect(first.links).toEqual(['slide2.xml', 'slide2.xml', 'https://example.org/x']);
    expect(first.xml.match(/action="ppaction:\/\/hlinksldjump"/g)).toHaveLength(2);
    expect(first.links.some((link) => link.includes('127.0.0.1'))).toBe(false);
  }, 60_000);

  it('without Chromium stops with one line saying how to get one, and writes nothing', async () => {
    const file = join(dir, 'no-chrome.pptx');
    await expect(exportDeck({ slidesDir: PPTX_DECK, out: join(dir, 'dist-none'), pptx: file, chrome: '/nonexistent/chromium' })).rejects.toThrow(CHROME_MISSING);
    expect(existsSync(file)).toBe(false);
  });

  it('a broken chart stops the export with its file:line, and writes nothing', async () => {
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, '01.md'), '## Kaputt\n\n```chart\ntype: bar\ntitle: Ohne Quelle\nlabels: [a]\nseries:\n  - name: x\n    values: [1]\n```\n');
    const file = join(dir, 'broken.pptx');
    await expect(exportDeck({ slidesDir: broken, out: join(dir, 'dist-broken'), pptx: file })).rejects.toThrow(/01\.md:\d+: error: .*source/);
    expect(existsSync(file)).toBe(false);
  });
});
