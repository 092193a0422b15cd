/** A ChartSpec translated into a Chart.js configuration, styled from the theme. */
import type { Chart, ChartConfiguration } from 'chart.js';
import type { ChartSeries, ChartSpec } from '../../types.ts';
import type { ValueLabelOptions } from './value-labels.ts';
import type { ChartExtras } from './chart-registry.ts';
import { withAlpha, type ChartStyle } from './chart-style.ts';
import { chartAxisIds, chartScales, RIGHT_AXIS_ID } from './chart-axes.ts';

let measuring: CanvasRenderingContext2D | null = null;

/** Width in px of the widest text in `font`. */
function widestText(texts: string[], font: string): number {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) return 0;
  measuring.font = font;
  return Math.max(0, ...texts.map((text) => measuring!.measureText(text).width));
}

/** Non-highlighted points step back. */
const fade = (colour: string) => withAlpha(colour, 0.45);
/** The fill under an area's line. */
const areaFill = (colour: string) => withAlpha(colour, 0.35);
/** A reference band over the bars. */
const bandFill = (colour: string) => withAlpha(colour, 0.16);

const isRadial = (spec: ChartSpec) => spec.type === 'doughnut' || spec.type === 'pie';

/** Whether a series is drawn as a line: in a line or area chart, or a combo chart's line series. */
const drawnAsLine = (series: ChartSeries) => series.type === 'line' || series.type === 'area';

function datasetOf(spec: ChartSpec, series: ChartSeries, index: number, extras: ChartExtras, style: ChartStyle) {
  if (extras.waterfall) return extras.waterfall.waterfallDataset(spec, { up: style.positive, down: style.negative });
  const radial = isRadial(spec);
  const base = series.colors ?? spec.labels.map(() => series.color);
  const colours = spec.highlight === null || radial ? base : base.map((c, i) => (i === spec.highlight ? c : fade(c)));
  const axis = series.axis === 'right' ? { [spec.horizontal ? 'xAxisID' : 'yAxisID']: RIGHT_AXIS_ID } : {};
  const common = { label: series.name, ...axis };
  if (radial) {
    return {
      ...common,
      data: series.plotted,
      backgroundColor: colours,
      borderColor: '#ffffff',
      borderWidth: 3,
      ...(spec.highlight !== null && { offset: spec.labels.map((_, i) => (i === spec.highlight ? 24 : 0)) }),
    };
  }
  if (series.type === 'scatter') {
    return { ...common, data: (spec.xValues ?? []).map((x, i) => ({ x, y: series.plotted[i] ?? null })), backgroundColor: colours, borderColor: series.color, pointRadius: 8 };
  }
  if (drawnAsLine(series)) {
    const area = series.type === 'area';
    return {
      ...common,
      // In a combo chart the line's own type, drawn over the bars and never stacked onto them.
      ...(spec.type === 'bar' && { type: 'line', order: -1, stack: `line-${index}` }),
      data: series.plotted,
      borderColor: series.color,
      backgroundColor: area ? areaFill(series.color) : colours,
      borderWidth: 4,
      pointRadius: area ? 5 : 7,
      pointBackgroundColor: colours,
      tension: 0.2,
      ...(area && { fill: spec.stacked !== false && index > 0 ? '-1' : 'origin' }),
    };
  }
  return { ...common, data: series.plotted, backgroundColor: colours, borderColor: series.color, borderWidth: 0, borderRadius: 4, maxBarThickness: 120 };
}

/** The value labels: the compiler's `labels`, written inside stacked bar segments and beyond everything else's end. */
function valueLabelOptions(spec: ChartSpec, style: ChartStyle): ValueLabelOptions | false {
  if (spec.type === 'scatter') return false;
  const inside = spec.series.map((series) => spec.stacked !== false && !drawnAsLine(series) && spec.type === 'bar');
  return {
    // Inside stacked segments the number alone fits; the axis carries the unit (a share keeps its %).
    formatted: spec.series.map((series, i) => (inside[i] && spec.stacked === true ? series.labels.map((f) => f.split('\u00a0')[0]!) : series.labels)),
    color: style.text,
    font: `600 ${style.fontSize}px ${style.fontFamily}`,
    inside,
  };
}

export function chartConfig(spec: ChartSpec, style: ChartStyle, extras: ChartExtras, animate: boolean, onDrawn: () => void): ChartConfiguration {
  const radial = isRadial(spec);
  const lineChart = spec.type === 'line' || spec.type === 'area';
  const font = { family: style.fontFamily, size: style.fontSize };
  const valueLabels = valueLabelOptions(spec, style);
  const labelFont = `600 ${style.fontSize}px ${style.fontFamily}`;
  const type = spec.type === 'waterfall' ? 'bar' : spec.type === 'area' ? 'line' : spec.type;

  return {
    type,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((series, i) => datasetOf(spec, series, i, extras, style)),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: spec.horizontal ? 'y' : 'x',
      animation: animate ? { duration: 500, onComplete: onDrawn } : false,
      // Horizontal bars carry their value beyond the bar's end: keep room for the widest one.
      layout: {
        padding: radial
          ? 24
          : {
              top: 8,
              right: spec.horizontal && valueLabels ? widestText(valueLabels.formatted.flat(), valueLabels.font) + 20 : lineChart ? 24 : 8,
              left: lineChart ? 16 : 0,
            },
      },
      plugins: {
        legend: {
          // A waterfall's one series is named by its title; its colours say up, down and total.
          display: radial || (spec.series.length > 1 && spec.type !== 'waterfall'),
          position: radial ? 'right' : 'top',
          labels: {
            color: style.text,
            font,
            boxWidth: 26,
            padding: 18,
            // A series' own colour, even where `highlight` fades some of its points.
            ...(!radial && {
              generateLabels: (chart: Chart) =>
                spec.series.map((series, i) => ({
                  text: series.name,
                  fillStyle: series.color,
                  strokeStyle: series.color,
                  lineWidth: 0,
                  fontColor: style.text,
                  hidden: !chart.isDatasetVisible(i),
                  datasetIndex: i,
                })),
            }),
          },
        },
        tooltip: { enabled: animate, callbacks: { label: (item) => `${item.dataset.label}: ${spec.series[item.datasetIndex]?.formatted[item.dataIndex] ?? ''}` } },
        deckValueLabels: valueLabels,
        ...(extras.waterfall && { deckWaterfallConnectors: { color: style.text } }),
        ...(extras.referenceLines && { deckReferenceLines: extras.referenceLines.referenceLineOptions(spec, chartAxisIds(spec), style.text, labelFont, bandFill) }),
      },
      scales: chartScales(spec, style),
    } as ChartConfiguration['options'],
  } as ChartConfiguration;
}
