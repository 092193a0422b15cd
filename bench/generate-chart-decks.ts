/**
 * The chart decks of the bench (issue 15), each reading its numbers from CSV files under `data/`:
 * one chart over a 1,000-row file (a title slide before it, so the chart's slide is opened by its
 * id), and a deck of N chart slides with a file each (bar, line, area, stacked bar, pie and doughnut
 * in turn). Deterministic: the same options give the same files.
 *
 * CLI: `tsx bench/generate-chart-decks.ts --rows 1000 --out DIR` or `--charts 50 --out DIR`
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { GeneratedFile } from './generate-deck.ts';

const SETTINGS = 'title: Diagramme aus Datendateien\nauthor: Benchmark\nlang: de\n';

/** The id of the slide holding the 1,000-row chart (from its heading). */
export const BIG_CHART_SLIDE = 'tagesumsatz';

/** A day's revenue and plan: a slow rise with a weekly rhythm, written with decimal commas and `;`. */
function dailyRows(rows: number): string {
  const lines = ['Tag;Umsatz;Plan'];
  for (let day = 1; day <= rows; day++) {
    const revenue = 100 + day * 0.05 + ((day * 37) % 23) - (day % 7 === 0 ? 12 : 0);
    lines.push(`T ${day};${revenue.toFixed(1).replace('.', ',')};${(100 + day * 0.05).toFixed(1).replace('.', ',')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A deck with one line chart of two series over a `rows`-row CSV file. */
export function bigCsvDeck(rows: number): GeneratedFile[] {
  const slides = [
    '## Umsatz im Überblick\n\nDie nächste Folie zeigt jeden Tag.',
    [
      '## Tagesumsatz',
      '',
      '```chart',
      'type: line',
      `title: Umsatz an ${rows} Tagen`,
      'unit: Tsd. €',
      'data: data/tage.csv',
      'x: Tag',
      'series:',
      '  - name: Umsatz',
      '    column: Umsatz',
      '  - name: Plan',
      '    column: Plan',
      'source: Generiert für den Benchmark',
      '```',
    ].join('\n'),
  ];
  return [
    { path: 'deck.yaml', text: SETTINGS },
    { path: '01-umsatz.md', text: `${slides.join('\n\n---\n\n')}\n` },
    { path: 'data/tage.csv', text: dailyRows(rows) },
  ];
}

const KINDS = [
  { type: 'bar', extra: [] },
  { type: 'line', extra: [] },
  { type: 'area', extra: [] },
  { type: 'bar', extra: ['stacked: true'] },
  { type: 'pie', extra: [] },
  { type: 'doughnut', extra: [] },
] as const;
const REGIONS = ['Nord', 'Süd', 'West', 'Ost', 'Mitte', 'Ausland'];

/** A deck of `charts` slides, each a chart of its own 6-row CSV file (two value columns). */
export function manyChartsDeck(charts: number): GeneratedFile[] {
  const files: GeneratedFile[] = [{ path: 'deck.yaml', text: SETTINGS }];
  const slides: string[] = [];
  for (let n = 1; n <= charts; n++) {
    const kind = KINDS[(n - 1) % KINDS.length]!;
    const radial = kind.type === 'pie' || kind.type === 'doughnut';
    const rows = REGIONS.map((region, i) => `${region},${((n * 7 + i * 13) % 40) + 5},${((n * 11 + i * 5) % 30) + 8}`);
    files.push({ path: `data/kennzahl-${n}.csv`, text: `Region,Umsatz,Kosten\n${rows.join('\n')}\n` });
    slides.push(
      [
        `## Kennzahl ${n}`,
        '',
        '```chart',
        `type: ${kind.type}`,
        `title: Kennzahl ${n} nach Region`,
        `unit: ${radial ? 'Mio. €' : 'Mrd. €'}`,
        `data: data/kennzahl-${n}.csv`,
        'x: Region',
        'series:',
        '  - name: Umsatz',
        '    column: Umsatz',
        ...(radial ? [] : ['  - name: Kosten', '    column: Kosten']),
        ...kind.extra,
        `source: Generiert für den Benchmark, Folie ${n}`,
        'height: 360',
        '```',
      ].join('\n'),
    );
  }
  files.push({ path: '01-kennzahlen.md', text: `${slides.join('\n\n---\n\n')}\n` });
  return files;
}

/** Writes generated files into `dir` (emptied first). */
export function writeFiles(dir: string, files: GeneratedFile[]): string {
  const root = resolve(dir);
  rmSync(root, { recursive: true, force: true });
  for (const file of files) {
    const path = join(root, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  return root;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, charts: { type: 'string' }, out: { type: 'string' } } });
  if (!values.out || (values.rows === undefined) === (values.charts === undefined)) {
    console.error('usage: tsx bench/generate-chart-decks.ts (--rows N | --charts N) --out DIR');
    process.exit(2);
  }
  const files = values.rows !== undefined ? bigCsvDeck(Number(values.rows)) : manyChartsDeck(Number(values.charts));
  console.log(`${files.length - 1} files in ${writeFiles(values.out, files)}`);
}
