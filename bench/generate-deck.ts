/**
 * Generates a deck of N slides for benchmarks and scale tests: every slide has
 * a title, text, a list, a short code block and speaker notes; every
 * `chartEvery`-th slide carries a chart instead of the code (bar, line,
 * doughnut and pie in turn). Deterministic: the same options give the same files.
 *
 * CLI: `tsx bench/generate-deck.ts --slides 1000 [--chart-every 10] [--per-file 10] --out DIR`
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export interface GenerateDeckOptions {
  slides: number;
  /** Every n-th slide (1-based: slide n, 2n, …) has a chart; 0 = none. @defaultValue 10 */
  chartEvery?: number;
  /** Slides per Markdown file. @defaultValue 10 */
  slidesPerFile?: number;
}

export interface GeneratedFile {
  /** Path relative to the slides folder. */
  path: string;
  text: string;
}

const SETTINGS = `title: Generiertes Deck
author: Benchmark
lang: de
palette:
  microsoft: "#0078D4"
  openai: "#0D7F63"
  neutral: "#6B7280"
`;

const TOPICS = ['Rechenzentren', 'Umsatzanteil', 'Lizenzen', 'Forschung', 'Regulierung', 'Partnerschaft', 'Infrastruktur', 'Modelle'];
const CHART_TYPES = ['bar', 'line', 'doughnut', 'pie'] as const;

function chartBlock(n: number, chartIndex: number): string {
  const type = CHART_TYPES[chartIndex % CHART_TYPES.length]!;
  const labels = ['2021', '2022', '2023', '2024', '2025'];
  const values = labels.map((_, i) => ((n * 7 + i * 13) % 40) + 5);
  const round = type === 'doughnut' || type === 'pie';
  return [
    '```chart',
    `type: ${type}`,
    `title: Kennzahl ${n} nach Jahr`,
    `unit: ${round ? '"%"' : 'Mrd. US-$'}`,
    `labels: [${labels.map((label) => `"${label}"`).join(', ')}]`,
    'series:',
    `  - name: Wert ${n}`,
    `    values: [${values.join(', ')}]`,
    round ? '    colors: [microsoft, openai, neutral, microsoft, openai]' : '    color: microsoft',
    `highlight: "2023"`,
    `source: Generiert für den Benchmark, Folie ${n}`,
    `height: 320`,
    '```',
  ].join('\n');
}

function codeBlock(n: number): string {
  return ['```ts', `export function slide${n}(values: number[]): number {`, '  return values.reduce((sum, value) => sum + value, 0);', '}', '```'].join('\n');
}

/** The Markdown of slide `n` (1-based). */
export function generateSlide(n: number, chartEvery: number): string {
  const topic = TOPICS[n % TOPICS.length]!;
  const chart = chartEvery > 0 && n % chartEvery === 0;
  const body = chart
    ? [chartBlock(n, n / chartEvery - 1)]
    : [
        `Folie ${n} fasst zusammen, was zum Thema **${topic}** bekannt ist – mit *Belegen* und \`Code\`.`,
        '',
        `- Erster Punkt zu ${topic}`,
        `- Zweiter Punkt mit einer Zahl: ${n * 3} Mrd. US-$ <!-- .element: class="fragment" -->`,
        `- Dritter Punkt mit einem [Verweis](#/${Math.max(0, n - 2)})`,
        '',
        codeBlock(n),
      ];
  return [
    `## ${topic} ${n}`,
    '',
    ...body,
    '',
    `Note: Sprechernotiz zu Folie ${n}: erst ${topic.toLowerCase()} einordnen, dann die Zahlen nennen.`,
  ].join('\n');
}

export function generateDeck(options: GenerateDeckOptions): GeneratedFile[] {
  const { slides } = options;
  const chartEvery = options.chartEvery ?? 10;
  const perFile = Math.max(1, options.slidesPerFile ?? 10);
  if (!Number.isInteger(slides) || slides < 1) throw new Error(`slides must be a positive integer, got ${slides}`);
  const files: GeneratedFile[] = [{ path: 'deck.yaml', text: SETTINGS }];
  const digits = String(Math.ceil(slides / perFile)).length + 1;
  for (let first = 1, file = 1; first <= slides; first += perFile, file++) {
    const numbers = Array.from({ length: Math.min(perFile, slides - first + 1) }, (_, i) => first + i);
    const text = numbers.map((n) => generateSlide(n, chartEvery)).join('\n\n---\n\n');
    files.push({ path: `${String(file).padStart(digits, '0')}-folien.md`, text: `${text}\n` });
  }
  return files;
}

/** Number of chart slides `generateDeck` makes. */
export function chartCount(slides: number, chartEvery = 10): number {
  return chartEvery > 0 ? Math.floor(slides / chartEvery) : 0;
}

/** Writes a generated deck into `dir` (emptied first). */
export function writeDeck(dir: string, options: GenerateDeckOptions): string {
  const root = resolve(dir);
  rmSync(root, { recursive: true, force: true });
  for (const file of generateDeck(options)) {
    const path = join(root, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  return root;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      slides: { type: 'string', default: '100' },
      'chart-every': { type: 'string', default: '10' },
      'per-file': { type: 'string', default: '10' },
      out: { type: 'string' },
    },
  });
  if (!values.out) {
    console.error('usage: tsx bench/generate-deck.ts --slides N [--chart-every 10] [--per-file 10] --out DIR');
    process.exit(2);
  }
  const slides = Number(values.slides);
  const chartEvery = Number(values['chart-every']);
  const dir = writeDeck(values.out, { slides, chartEvery, slidesPerFile: Number(values['per-file']) });
  console.log(`${slides} slides (${chartCount(slides, chartEvery)} charts) in ${dir}`);
}
