/**
 * PowerPoint export (issue 14) as a user runs it: `node bin/deck.js export DIR --pptx FILE --rebuild`
 * (from Markdown) for the shipped deck and 200 generated slides with 20 charts, wall time from process
 * start to exit, one extra run sampling the PSS of the process tree (Chromium included), the file's
 * size and its native chart parts; and Marp CLI's `--pptx` on the same Markdown in the same run (its
 * slides are pictures, its charts code blocks), with its file size. Its budgets and its report table
 * live here too.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { compileFolder } from '../src/loader/compile-folder.ts';
import { APP_ROOT } from '../src/app-paths.ts';
import { isUnavailable, type BudgetResult, type Unavailable } from './bench-results.ts';
import { writeDeck } from './generate-deck.ts';
import { DECK_BIN } from './measure-build.ts';
import { ensurePeers, marpMarkdown, PEER_VERSIONS } from './peers.ts';
import { runCommand, type CommandRun } from './run-command.ts';
import { stats, type Stats } from './stats.ts';

export interface PptxFigures {
  slides: number;
  /** Native chart parts in the file (Marp: 0, its slides are pictures). */
  charts: number;
  /** Slides in the file. */
  fileSlides: number;
  bytes: number;
  wall: Stats;
  secondsPerSlide: number;
  peakPss: number;
  peakRss: number;
  processes: number;
}

export interface PptxBench {
  ours: Record<string, PptxFigures | Unavailable>;
  marp: Record<string, PptxFigures | Unavailable>;
  marpVersion: string;
  notes: string[];
}

export const PPTX_BUDGETS = { pptx200Seconds: 3, pptx200PssBytes: 500_000_000 } as const;

async function readFile(file: string): Promise<{ slides: number; charts: number; bytes: number }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const names = Object.keys(zip.files);
  return {
    slides: names.filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).length,
    charts: names.filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name)).length,
    bytes: statSync(file).size,
  };
}

/** `runs` timed runs and one sampled for memory, as the PDF export is measured (measure-export.ts). */
async function measure(slides: number, output: string, runs: number, once: (pss: boolean) => Promise<CommandRun>): Promise<PptxFigures> {
  const wall: number[] = [];
  for (let run = 0; run < runs; run++) {
    rmSync(output, { force: true });
    wall.push((await once(false)).seconds);
  }
  rmSync(output, { force: true });
  const sampled = await once(true);
  const file = await readFile(output);
  const median = stats(wall).median;
  return {
    slides,
    charts: file.charts,
    fileSlides: file.slides,
    bytes: file.bytes,
    wall: stats(wall),
    secondsPerSlide: median / slides,
    peakPss: sampled.peak.pss,
    peakRss: sampled.peak.rss,
    processes: sampled.peak.processes,
  };
}

const message = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0]! : String(error));

export async function measurePptx(options: { work: string; chromePath: string; runs: number; peers: boolean; log: (message: string) => void }): Promise<PptxBench> {
  const { work, chromePath, runs, log } = options;
  const dirs: Record<string, string> = { deck: join(APP_ROOT, 'slides'), 'gen-200': writeDeck(join(work, 'pptx-slides-200'), { slides: 200, chartEvery: 10 }) };
  const result: PptxBench = { ours: {}, marp: {}, marpVersion: PEER_VERSIONS['@marp-team/marp-cli'], notes: [] };
  for (const [key, dir] of Object.entries(dirs)) {
    const slides = compileFolder(dir).slides.length;
    const cwd = join(work, `pptx-${key}`);
    mkdirSync(cwd, { recursive: true });
    const output = join(cwd, 'deck.pptx');
    log(`PowerPoint export ${key} (building first) × ${runs} (+1 sampled for memory)`);
    try {
      result.ours[key] = await measure(slides, output, runs, (pss) =>
        runCommand(process.execPath, [DECK_BIN, 'export', dir, '--pptx', output, '--rebuild'], { cwd, timeoutSeconds: 600, memory: { pss, intervalMs: pss ? 100 : 50 } }),
      );
    } catch (error) {
      result.ours[key] = { unavailable: `export failed: ${message(error)}` };
    }
  }
  if (!options.peers) return result;

  const tools = await ensurePeers();
  result.notes.push(...tools.notes.filter((note) => note.startsWith('Marp') || note.startsWith('peers')));
  if (!tools.marp) return result;
  for (const [key, dir] of Object.entries(dirs)) {
    log(`Marp CLI --pptx ${key} × ${runs} (+1 sampled for memory)`);
    const input = join(work, `marp-pptx-${key}.md`);
    const output = join(work, `marp-${key}.pptx`);
    try {
      writeFileSync(input, marpMarkdown(dir));
      const slides = compileFolder(dir).slides.length;
      // Marp's own `--pptx`: each slide a picture taken in the same Chromium (CHROME_PATH).
      result.marp[key] = await measure(slides, output, runs, (pss) =>
        runCommand(tools.marp!, [input, '-o', output, '--pptx', '--allow-local-files'], {
          env: { ...process.env, CHROME_PATH: chromePath },
          timeoutSeconds: 900,
          memory: { pss, intervalMs: pss ? 100 : 50 },
        }),
      );
    } catch (error) {
      result.marp[key] = { unavailable: message(error) };
    }
  }
  result.notes.push('Marp CLI --pptx gets the same Markdown in one file: its slides are pictures (no editable text), its charts code blocks');
  return result;
}

export function pptxBudgets(bench: PptxBench | undefined): BudgetResult[] {
  const figure = bench?.ours['gen-200'];
  const known = figure && !isUnavailable(figure) ? figure : null;
  const note = figure && isUnavailable(figure) ? figure.unavailable : undefined;
  const check = (name: string, value: number | null, limit: number, unit: BudgetResult['unit']): BudgetResult => ({
    name,
    value,
    limit,
    unit,
    pass: value === null ? null : value <= limit,
    ...(note && { note }),
  });
  return [
    check('PowerPoint export: 200 slides, 20 charts, from Markdown', known?.wall.median ?? null, PPTX_BUDGETS.pptx200Seconds, 's'),
    check('PowerPoint export memory: 200 slides (PSS)', known ? known.peakPss / 1_000_000 : null, PPTX_BUDGETS.pptx200PssBytes / 1_000_000, 'MB'),
  ];
}

export function pptxReport(bench: PptxBench): string {
  const rows: string[][] = [];
  const row = (tool: string, key: string, figure: PptxFigures | Unavailable | undefined) => {
    if (!figure) return;
    if (isUnavailable(figure)) rows.push([`${tool} ${key}`, 'not available', '', '', '', '', figure.unavailable]);
    else
      rows.push([
        `${tool} ${key} (${figure.slides} slides)`,
        figure.wall.min.toFixed(2),
        figure.wall.median.toFixed(2),
        figure.wall.max.toFixed(2),
        `${(figure.peakPss / 1_000_000).toFixed(0)} MB`,
        `${(figure.bytes / 1000).toFixed(0)} KB`,
        `${figure.fileSlides} slides, ${figure.charts} native charts`,
      ]);
  };
  for (const key of ['deck', 'gen-200']) {
    row('ours', key, bench.ours[key]);
    row(`Marp CLI ${bench.marpVersion}`, key, bench.marp[key]);
  }
  const headers = ['PowerPoint export, from Markdown', 'min s', 'median s', 'max s', 'PSS', 'file', ''];
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 || i === 6 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return ['\nPowerPoint export: `deck export --pptx`, process start to exit; PSS of the process tree in a sampled run', line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
