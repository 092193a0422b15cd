/** The page hook (`CHART_VALUES_HOOK`) that reads a figure's chart instance back: what it draws, not what the spec asked. */
import type { Chart as ChartInstance } from 'chart.js';
import { CHART_VALUES_HOOK, type DrawnChartValues } from '../../page-contract.ts';
import type { ReferenceLineOptions } from './reference-lines.ts';

export function chartValues(chart: ChartInstance): DrawnChartValues {
  // The options as configured: Chart.js's resolved options answer for plugins that are not registered too.
  const lines = (chart.config.options?.plugins as { deckReferenceLines?: ReferenceLineOptions | false } | undefined)?.deckReferenceLines;
  return {
    type: (chart.config as { type?: string }).type ?? '',
    labels: (chart.data.labels ?? []).map(String),
    datasets: chart.data.datasets.map((dataset, i) => {
      const meta = chart.getDatasetMeta(i);
      return {
        label: dataset.label ?? '',
        data: [...dataset.data],
        type: meta.type,
        hidden: !chart.isDatasetVisible(i),
        yAxisID: meta.yAxisID ?? '',
        xAxisID: meta.xAxisID ?? '',
        backgroundColor: dataset.backgroundColor,
        elements: meta.data.map((element) => {
          const { x, y, base, width, height } = element.getProps(['x', 'y', 'base', 'width', 'height'], true) as Record<string, number | undefined>;
          return { x: x ?? 0, y: y ?? 0, base: base ?? 0, width: width ?? 0, height: height ?? 0 };
        }),
      };
    }),
    scales: Object.fromEntries(
      Object.entries(chart.scales).map(([id, scale]) => [
        id,
        {
          type: scale.type,
          axis: scale.axis,
          position: String(scale.position),
          min: scale.min,
          max: scale.max,
          gridDisplay: (scale.options as { grid?: { display?: boolean } }).grid?.display !== false,
          ticks: scale.ticks.map((tick) => [tick.label ?? ''].flat().join(' ')),
        },
      ]),
    ),
    lines: lines ? lines.lines.map(({ kind, scaleId, from, to, label, color }) => ({ kind, scaleId, from, to, label, color })) : [],
  };
}

/** Sets the hook on `window`; `Chart` is the registry's, whose `getChart` finds a canvas' instance. */
export function exposeChartValues(Chart: typeof ChartInstance): void {
  window[CHART_VALUES_HOOK] = (figure: Element) => {
    const canvas = figure.querySelector('canvas');
    const chart = canvas && Chart.getChart(canvas);
    return chart ? chartValues(chart) : null;
  };
}
