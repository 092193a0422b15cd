/**
 * The bench's chart part (issue 15), also run alone (`npm run bench -- --only charts`): a chart over a
 * 1,000-row CSV file (build, time to draw on its slide) and a deck of 50 charts from data files
 * (build, PDF export from Markdown and from a fresh build).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../src/browser/serve-static.ts';
import { buildDeck } from '../src/builder/build-deck.ts';
import { isUnavailable, type Unavailable } from './bench-results.ts';
import { BIG_CHART_SLIDE, bigCsvDeck, manyChartsDeck, writeFiles } from './generate-chart-decks.ts';
import { measureBuild, type BuildFigures } from './measure-build.ts';
import { measureChartDraw, type ChartDrawFigures } from './measure-chart-draw.ts';
import { measurePdf, runDeckExport, type ExportFigures } from './measure-export.ts';

export const CSV_ROWS = 1000;
export const DATA_CHARTS = 50;

export interface ChartFigures {
  /** One line chart (two series) over a CSV file of `rows` rows. */
  bigCsv: { rows: number; build: BuildFigures; draw: ChartDrawFigures | Unavailable };
  /** `charts` chart slides, each from its own CSV file. */
  manyCharts: { charts: number; build: BuildFigures; pdf: ExportFigures | Unavailable; pdfFromBuild: ExportFigures | Unavailable };
}

export interface ChartBenchOptions {
  work: string;
  browser: Browser;
  runs: { build: number; draw: number; pdf: number };
  /** Whether `deck export --pdf` exists in this tree. */
  exportAvailable: boolean;
  log: (message: string) => void;
}

const failed = (what: string, error: unknown): Unavailable => ({ unavailable: `${what} failed: ${error instanceof Error ? error.message : String(error)}` });

export async function benchCharts({ work, browser, runs, exportAvailable, log }: ChartBenchOptions): Promise<ChartFigures> {
  const bigDir = writeFiles(join(work, `charts-csv-${CSV_ROWS}`), bigCsvDeck(CSV_ROWS));
  const manyDir = writeFiles(join(work, `charts-${DATA_CHARTS}`), manyChartsDeck(DATA_CHARTS));
  const bigDist = join(work, `dist-charts-csv-${CSV_ROWS}`);

  log(`build a ${CSV_ROWS}-row CSV chart × ${runs.build}`);
  const bigBuild = await measureBuild(bigDir, bigDist, runs.build);
  await buildDeck({ slidesDir: bigDir, outDir: bigDist });
  log(`draw the ${CSV_ROWS}-row CSV chart × ${runs.draw}`);
  const server = await serveStatic(bigDist);
  let draw: ChartDrawFigures | Unavailable;
  try {
    draw = await measureChartDraw(browser, server.url, BIG_CHART_SLIDE, runs.draw);
  } catch (error) {
    draw = failed('drawing', error);
  } finally {
    await server.close();
  }

  log(`build ${DATA_CHARTS} charts from data files × ${runs.build}`);
  const manyBuild = await measureBuild(manyDir, join(work, `dist-charts-${DATA_CHARTS}`), runs.build);
  const unavailable: Unavailable = { unavailable: '`deck export --pdf` does not exist yet' };
  let pdf: ExportFigures | Unavailable = unavailable;
  let pdfFromBuild: ExportFigures | Unavailable = unavailable;
  if (exportAvailable) {
    const cwd = join(work, `export-charts-${DATA_CHARTS}`);
    mkdirSync(cwd, { recursive: true });
    for (const rebuild of [true, false]) {
      log(`PDF export of ${DATA_CHARTS} charts${rebuild ? ' (building first)' : ' (reusing the build)'} × ${runs.pdf} (+1 sampled for memory)`);
      let figures: ExportFigures | Unavailable;
      try {
        figures = await measurePdf(DATA_CHARTS, join(cwd, 'deck.pdf'), runs.pdf, (output, pss) => runDeckExport(manyDir, output, pss, cwd, rebuild));
      } catch (error) {
        figures = failed('export', error);
      }
      if (rebuild) pdf = figures;
      else pdfFromBuild = figures;
    }
  }
  if (!isUnavailable(pdf) && pdf.pages !== DATA_CHARTS) pdf = { unavailable: `the PDF has ${pdf.pages} pages, not ${DATA_CHARTS}` };
  return { bigCsv: { rows: CSV_ROWS, build: bigBuild, draw }, manyCharts: { charts: DATA_CHARTS, build: manyBuild, pdf, pdfFromBuild } };
}
