/**
 * The Chart.js parts each chart needs, registered explicitly (no `chart.js/auto`) when a chart first
 * needs them. Chart.js's ESM build is one module, so its controllers share one chunk; the deck's own
 * extras (waterfall bars and connectors, reference lines and bands) are chunks of their own, fetched
 * only by a deck with such a chart.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartComponentLike,
} from 'chart.js';
import type { ChartSpec } from '../../types.ts';
import { valueLabels } from './value-labels.ts';

Chart.register(CategoryScale, LinearScale, Legend, Tooltip, valueLabels);

type WaterfallModule = typeof import('./waterfall.ts');
type ReferenceLinesModule = typeof import('./reference-lines.ts');

/** The deck's own chart code a chart needs beyond Chart.js, once loaded. */
export interface ChartExtras {
  waterfall: WaterfallModule | null;
  referenceLines: ReferenceLinesModule | null;
}

const CHART_JS_PARTS = {
  bar: [BarController, BarElement],
  line: [LineController, LineElement, PointElement],
  area: [LineController, LineElement, PointElement, Filler],
  scatter: [ScatterController, PointElement],
  radial: [DoughnutController, PieController, ArcElement],
} satisfies Record<string, ChartComponentLike[]>;

type ChartJsPart = keyof typeof CHART_JS_PARTS;

/** The Chart.js parts `spec` draws with: its type's, and a combo chart's line series'. */
export function chartJsPartsOf(spec: ChartSpec): ChartJsPart[] {
  const parts = new Set<ChartJsPart>();
  const partOf = (type: ChartSpec['type']): ChartJsPart =>
    type === 'waterfall' ? 'bar' : type === 'doughnut' || type === 'pie' ? 'radial' : type;
  parts.add(partOf(spec.type));
  for (const series of spec.series) parts.add(partOf(series.type));
  return [...parts];
}

const registered = new Set<ChartJsPart>();
let waterfall: Promise<WaterfallModule> | null = null;
let referenceLines: Promise<ReferenceLinesModule> | null = null;
const loaded: { waterfall: WaterfallModule | null; referenceLines: ReferenceLinesModule | null } = { waterfall: null, referenceLines: null };

/** Registers what the charts need and loads their extras; `null` (an unreadable spec) is skipped. */
export async function loadChartParts(specs: readonly (ChartSpec | null)[]): Promise<void> {
  const pending: Promise<unknown>[] = [];
  for (const spec of specs) {
    if (!spec) continue;
    for (const part of chartJsPartsOf(spec)) {
      if (registered.has(part)) continue;
      Chart.register(...CHART_JS_PARTS[part]);
      registered.add(part);
    }
    if (spec.type === 'waterfall') {
      waterfall ??= import('./waterfall.ts').then((module) => {
        Chart.register(module.waterfallConnectors);
        return (loaded.waterfall = module);
      });
      pending.push(waterfall);
    }
    if (spec.lines.length) {
      referenceLines ??= import('./reference-lines.ts').then((module) => {
        Chart.register(module.referenceLinesPlugin);
        return (loaded.referenceLines = module);
      });
      pending.push(referenceLines);
    }
  }
  await Promise.all(pending);
}

/** The extras `spec` needs, which `loadChartParts` must have loaded. */
export function chartExtras(spec: ChartSpec): ChartExtras {
  const missing = (spec.type === 'waterfall' && !loaded.waterfall) || (spec.lines.length && !loaded.referenceLines);
  if (missing) throw new Error(`chart ${spec.id}: its parts are not loaded (loadChartParts)`);
  return {
    waterfall: spec.type === 'waterfall' ? loaded.waterfall : null,
    referenceLines: spec.lines.length ? loaded.referenceLines : null,
  };
}

export { Chart };
