/**
 * Waterfall charts as Chart.js floating bars: each bar spans [start, end] of the running total, the
 * start and total bars stand on zero, and thin connectors lead from one bar's end to the next bar.
 * Loaded only by decks with a waterfall (chart-registry.ts).
 */
import type { Chart, Plugin } from 'chart.js';
import type { ChartSpec } from '../../types.ts';
import type { WaterfallKind } from '../../compiler/chart/chart-schema.ts';

/** Colours of the bars: increases, decreases, and the start and total (the series' colour). */
export interface WaterfallColours {
  up: string;
  down: string;
}

export interface WaterfallConnectorOptions {
  color: string;
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType> {
    deckWaterfallConnectors?: WaterfallConnectorOptions | false;
  }
}

/** Each bar's [start, end]: the start and total from zero, each step from the running total. */
export function waterfallBars(values: readonly (number | null)[], kinds: readonly WaterfallKind[]): [number, number][] {
  let running = 0;
  return kinds.map((kind, i) => {
    const value = values[i] ?? 0;
    if (kind === 'start' || kind === 'total') {
      running = value;
      return [0, value];
    }
    const from = running;
    running += value;
    return [from, running];
  });
}

/** A bar's colour: the author's own per bar (`colors:`), else by what the bar is. */
export function waterfallBarColours(spec: ChartSpec, colours: WaterfallColours): string[] {
  const series = spec.series[0]!;
  return (spec.waterfall ?? []).map((kind, i) => series.colors?.[i] ?? (kind === 'up' ? colours.up : kind === 'down' ? colours.down : series.color));
}

/** The Chart.js dataset of a waterfall's one series. */
export function waterfallDataset(spec: ChartSpec, colours: WaterfallColours) {
  const series = spec.series[0]!;
  return {
    label: series.name,
    data: waterfallBars(series.values, spec.waterfall ?? []),
    backgroundColor: waterfallBarColours(spec, colours),
    borderWidth: 0,
    borderRadius: 4,
    // A floating bar's radius would round its end on the running total too.
    borderSkipped: false,
    maxBarThickness: 120,
  };
}

interface BarBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Lines from the end of each bar to the next bar, at the running total the next one starts from. */
export const waterfallConnectors: Plugin = {
  id: 'deckWaterfallConnectors',
  beforeDatasetsDraw(chart: Chart, _args, pluginOptions) {
    const options = pluginOptions as WaterfallConnectorOptions | false;
    const meta = chart.getDatasetMeta(0);
    // Registered for every chart once loaded: only a waterfall's options name a colour.
    if (!options || !options.color || meta.hidden) return;
    const horizontal = chart.options.indexAxis === 'y';
    const valueScale = horizontal ? chart.scales.x : chart.scales.y;
    const bars = chart.data.datasets[0]?.data as [number, number][] | undefined;
    if (!valueScale || !bars) return;
    const { ctx } = chart;
    ctx.save();
    ctx.strokeStyle = options.color;
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    for (let i = 0; i + 1 < meta.data.length; i++) {
      const here = meta.data[i]!.getProps(['x', 'y', 'width', 'height'], true) as unknown as BarBox;
      const next = meta.data[i + 1]!.getProps(['x', 'y', 'width', 'height'], true) as unknown as BarBox;
      const level = valueScale.getPixelForValue(bars[i]![1]);
      if (horizontal) {
        ctx.moveTo(level, here.y + here.height / 2);
        ctx.lineTo(level, next.y - next.height / 2);
      } else {
        ctx.moveTo(here.x + here.width / 2, level);
        ctx.lineTo(next.x - next.width / 2, level);
      }
    }
    ctx.stroke();
    ctx.restore();
  },
};
