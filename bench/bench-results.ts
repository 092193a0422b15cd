/** The figures one `npm run bench` collects: written to `bench/results.json`. */
import type { BuildFigures } from './measure-build.ts';
import type { ChartFigures } from './bench-charts.ts';
import type { ExportFigures } from './measure-export.ts';
import type { PptxBench } from './measure-pptx.ts';
import type { RelayBench } from './measure-relay.ts';
import type { HotReloadFigures } from './measure-hot-reload.ts';
import type { ReadyFigures } from './measure-ready.ts';
import type { FirstSlideBytes, TotalBytes } from './measure-bytes.ts';
import type { Stats } from './stats.ts';

export interface Machine {
  cores: number;
  cpu: string;
  memoryBytes: number;
  os: string;
  node: string;
  chromium: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews timings. */
  loadStart: number;
  loadEnd: number;
}

/** A measured case: the shipped deck or a generated one. */
export interface DeckCase {
  name: string;
  slides: number;
  charts: number;
}

export interface BytesFigures {
  firstSlide: Omit<FirstSlideBytes, 'files'> & { files: { path: string; transfer: number }[] };
  total: { transfer: number; bytes: number; files: { path: string; transfer: number; bytes: number }[] };
}

/** Something not measured, and why. */
export interface Unavailable {
  unavailable: string;
}

export interface PeerFigures {
  tool: string;
  version: string;
  build?: Record<string, { wall: Stats; peakRss: number } | Unavailable>;
  /** Gzipped bytes of Marp's self-contained HTML for the deck. */
  shippedBytes?: number;
  pdf?: Record<string, ExportFigures | Unavailable>;
}

export interface BudgetResult {
  name: string;
  /** Median (or the deterministic figure) compared with the limit. */
  value: number | null;
  limit: number;
  unit: 'KB' | 's' | 'ms' | 'MB' | 'ratio' | 'pages';
  pass: boolean | null;
  note?: string;
}

export interface BenchResults {
  date: string;
  /** `git describe --always --dirty` of the measured tree. */
  commit: string;
  quick: boolean;
  machine: Machine;
  cases: DeckCase[];
  build: Record<string, BuildFigures>;
  /** Seconds of one build with the caches removed (the first build after an install). */
  buildCold?: Record<string, number>;
  bytes: Record<string, BytesFigures>;
  ready: Record<string, ReadyFigures>;
  hotReload: Record<string, HotReloadFigures | Unavailable>;
  /** `deck export --pdf --rebuild`: from Markdown, building first. */
  pdf: Record<string, ExportFigures | Unavailable>;
  /** `deck export --pdf` reusing the fresh build of an earlier export. */
  pdfFromBuild: Record<string, ExportFigures | Unavailable>;
  peers: PeerFigures[];
  /** The chart part (issue 15): a 1,000-row CSV chart, 50 charts from data files. */
  charts?: ChartFigures;
  /** The PowerPoint part (issue 14): `deck export --pptx` and Marp CLI's `--pptx`. */
  pptx?: PptxBench;
  /** The relay of `deck present` (issue 17): latency to the last viewer, memory, the largest audience. */
  relay?: RelayBench;
  notes: string[];
  budgets: BudgetResult[];
}

export const isUnavailable = (value: unknown): value is Unavailable =>
  typeof value === 'object' && value !== null && 'unavailable' in value;
