/**
 * PDF export as a user runs it: `node bin/deck.js export DIR --pdf FILE`,
 * from Markdown (building first) and from a fresh build (reused by the
 * exporter), wall time from process start to exit, the CPU time it used (its own and its
 * descendants', Chromium included: unlike the wall time, hardly changed by other work on the
 * machine), seconds per slide, the page count of the result, and — in one extra run, since
 * sampling PSS costs CPU — the peak PSS of the exporter and all its descendants.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { getDocumentProxy } from 'unpdf';
import { APP_ROOT } from '../src/app-paths.ts';
import { DECK_BIN } from './measure-build.ts';
import { runCommand, type CommandRun } from './run-command.ts';
import { stats, type Stats } from './stats.ts';

export interface ExportFigures {
  slides: number;
  pages: number;
  /** Seconds from process start to exit. */
  wall: Stats;
  /** CPU seconds (user + system) of the command and its descendants, per timed run; absent without /proc. */
  cpu?: Stats;
  secondsPerSlide: number;
  /** Peak PSS and RSS sums of the process tree, bytes (a separate, sampled run). */
  peakPss: number;
  peakRss: number;
  processes: number;
}

/** Whether `deck export` exists and offers `--pdf`. */
export async function exportAvailable(): Promise<boolean> {
  try {
    const help = await runCommand(process.execPath, [DECK_BIN, 'export', '--help'], { cwd: APP_ROOT, timeoutSeconds: 60 });
    return /--pdf\b/.test(help.stdout);
  } catch {
    return false;
  }
}

export async function pdfPages(file: string): Promise<number> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(file)));
  const pages = pdf.numPages;
  await pdf.destroy();
  return pages;
}

const CPU_ACCOUNTING = existsSync('/proc/self/stat');

/**
 * CPU seconds of this process's children that ended and were waited for, with their own waited-for
 * descendants (Linux adds those to `cutime`/`cstime` of `/proc/self/stat`, in ticks of 1/100 s).
 */
function endedChildrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/**
 * Runs a PDF-writing command `runs` times (timed, without PSS sampling) and once more
 * for memory; with `sampleTimedRun` (for a tool that mostly waits, like decktape) one
 * sampled run gives both.
 */
export async function measurePdf(
  slides: number,
  output: string,
  runs: number,
  exportOnce: (output: string, pss: boolean) => Promise<CommandRun>,
  sampleTimedRun = false,
): Promise<ExportFigures> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let sampled: CommandRun | null = null;
  for (let run = 0; run < runs; run++) {
    rmSync(output, { force: true });
    const cpuBefore = CPU_ACCOUNTING ? endedChildrenCpuSeconds() : 0;
    const result = await exportOnce(output, sampleTimedRun);
    if (CPU_ACCOUNTING) cpu.push(endedChildrenCpuSeconds() - cpuBefore);
    wall.push(result.seconds);
    if (sampleTimedRun && (!sampled || result.peak.pss > sampled.peak.pss)) sampled = result;
  }
  const pages = await pdfPages(output);
  if (!sampled) {
    rmSync(output, { force: true });
    sampled = await exportOnce(output, true);
  }
  const median = stats(wall).median;
  return {
    slides,
    pages,
    wall: stats(wall),
    ...(cpu.length && { cpu: stats(cpu) }),
    secondsPerSlide: median / slides,
    peakPss: sampled.peak.pss,
    peakRss: sampled.peak.rss,
    processes: sampled.peak.processes,
  };
}

/**
 * `deck export DIR --pdf FILE` in `cwd` (its build folder is `cwd/dist`); `rebuild`
 * builds every time, otherwise the fresh build from an earlier run is reused.
 */
export function runDeckExport(slidesDir: string, output: string, pss: boolean, cwd: string, rebuild: boolean): Promise<CommandRun> {
  return runCommand(process.execPath, [DECK_BIN, 'export', slidesDir, '--pdf', output, ...(rebuild ? ['--rebuild'] : [])], {
    cwd,
    timeoutSeconds: 600,
    memory: { pss, intervalMs: pss ? 100 : 50 },
  });
}
