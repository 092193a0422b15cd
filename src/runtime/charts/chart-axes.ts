/**
 * The axes of a ChartSpec as Chart.js scales: the category axis (a linear x axis in a scatter
 * chart), the value axis formatted with the chart's `format`, a second value axis for series with
 * `axis: right` formatted with that series' own format, and 0–100 % for `stacked: percent`.
 */
import type { ChartSpec } from '../../types.ts';
import { formatNumber, formatValue, type ValueFormat } from '../../compiler/chart/format-number.ts';
import type { ChartAxisIds } from './reference-lines.ts';
import type { ChartStyle } from './chart-style.ts';

/** The id of the second value axis (`axis: right`), on the right of a column chart, on top of a horizontal one. */
export const RIGHT_AXIS_ID = 'right';

const PERCENT_AXIS: ValueFormat = { format: 'percent', decimals: 0, unit: '' };

export function chartAxisIds(spec: ChartSpec): ChartAxisIds {
  return {
    value: spec.horizontal ? 'x' : 'y',
    right: spec.series.some((series) => series.axis === 'right') ? RIGHT_AXIS_ID : null,
    category: spec.horizontal ? 'y' : 'x',
  };
}

/** Room the reference lines of `axis` need on it: a line above the highest bar is still in the chart. */
function lineRange(spec: ChartSpec, axis: 'left' | 'right'): { suggestedMin?: number; suggestedMax?: number } {
  const values = spec.lines.filter((line) => line.kind !== 'category' && line.axis === axis).flatMap((line) => [line.from, line.to]);
  if (values.length === 0) return {};
  return { suggestedMin: Math.min(0, ...values), suggestedMax: Math.max(0, ...values) };
}

export function chartScales(spec: ChartSpec, style: ChartStyle): Record<string, object> | undefined {
  if (spec.type === 'doughnut' || spec.type === 'pie') return undefined;
  const font = { family: style.fontFamily, size: style.fontSize };
  const ticks = (format: ValueFormat) => ({ color: style.text, font, callback: (value: string | number) => formatValue(Number(value), spec.lang, format) });
  const percent = spec.stacked === 'percent';
  const stacked = spec.stacked !== false;
  const ids = chartAxisIds(spec);
  const valueLabelsAbove = !stacked && spec.type !== 'scatter';

  const value = {
    type: 'linear',
    beginAtZero: true,
    ...lineRange(spec, 'left'),
    ...(percent ? { min: 0, max: 100 } : { ...(spec.min !== undefined && { min: spec.min }), ...(spec.max !== undefined && { max: spec.max }) }),
    stacked,
    grid: { color: style.grid },
    border: { display: false },
    ticks: ticks(percent ? PERCENT_AXIS : spec.format),
    // Room for the value labels above the highest bar; a scatter chart's outermost points stay whole.
    grace: valueLabelsAbove ? '12%' : spec.type === 'scatter' ? '6%' : 0,
  };
  const rightSeries = spec.series.find((series) => series.axis === 'right');
  const right = rightSeries && {
    type: 'linear',
    position: spec.horizontal ? 'top' : 'right',
    beginAtZero: true,
    ...lineRange(spec, 'right'),
    // The left axis' grid is the chart's; a second grid would not line up with it.
    grid: { display: false },
    border: { display: false },
    ticks: ticks(rightSeries.format),
    grace: '12%',
  };
  const category =
    spec.type === 'scatter'
      ? {
          type: 'linear',
          grace: '6%',
          grid: { display: false },
          border: { color: style.grid },
          ticks: { color: style.text, font, callback: (x: string | number) => formatNumber(Number(x), spec.lang, 3) },
        }
      : {
          type: 'category',
          stacked,
          // Line and area charts keep their first and last points (and labels) off the chart's edges.
          offset: (spec.type !== 'line' && spec.type !== 'area') || spec.labels.length < 8,
          grid: { display: false },
          border: { color: style.grid },
          ticks: { color: style.text, font },
        };
  return { [ids.category]: category, [ids.value]: value, ...(right && { [RIGHT_AXIS_ID]: right }) };
}
