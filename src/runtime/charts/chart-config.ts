/** A ChartSpec translated into a Chart.js configuration, styled from the theme. */
import type { Chart, ChartConfiguration } from 'chart.js';
import type { ChartSpec } from '../../types.ts';
import type { ValueLabelOptions } from './value-labels.ts';
import { formatValue } from '../../compiler/chart/format-number.ts';

export interface ChartStyle {
  text: string;
  grid: string;
  fontFamily: string;
  fontSize: number;
}

/** Reads colours and fonts from the theme's custom properties on `element`. */
export function chartStyle(element: Element): ChartStyle {
  const css = getComputedStyle(element);
  const value = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    // Without a theme colour for charts (reveal.js's themes), the slide's own text colour.
    text: value('--deck-chart-text', css.color),
    grid: value('--deck-chart-grid', 'rgba(0,0,0,0.12)'),
    fontFamily: value('--deck-font', 'sans-serif'),
    fontSize: Number.parseFloat(value('--deck-chart-font-size', '22')),
  };
}

let measuring: CanvasRenderingContext2D | null = null;

/** Width in px of the widest text in `font`. */
function widestText(texts: string[], font: string): number {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) return 0;
  measuring.font = font;
  return Math.max(0, ...texts.map((text) => measuring!.measureText(text).width));
}

/** `#0078d4` at 45 % opacity: non-highlighted points step back. */
function fade(colour: string): string {
  return /^#[0-9a-f]{6}$/i.test(colour) ? `${colour}73` : colour;
}

export function chartConfig(spec: ChartSpec, style: ChartStyle, animate: boolean, onDrawn: () => void): ChartConfiguration {
  const radial = spec.type === 'doughnut' || spec.type === 'pie';
  const pointColours = (series: ChartSpec['series'][number]) => {
    const base = series.colors ?? spec.labels.map(() => series.color);
    return spec.highlight === null || radial ? base : base.map((c, i) => (i === spec.highlight ? c : fade(c)));
  };
  const font = { family: style.fontFamily, size: style.fontSize };
  const stacked = spec.stacked !== false;
  const valueLabels: ValueLabelOptions = {
    // Inside stacked segments the number alone fits; the axis carries the unit.
    formatted: spec.series.map((s) => (stacked ? s.labels.map((f) => f.split('\u00a0')[0]!) : s.labels)),
    color: style.text,
    font: `600 ${style.fontSize}px ${style.fontFamily}`,
    inside: stacked,
  };
  const valueAxis = {
    beginAtZero: true,
    ...(spec.min !== undefined && { min: spec.min }),
    ...(spec.max !== undefined && { max: spec.max }),
    stacked,
    grid: { color: style.grid },
    border: { display: false },
    ticks: { color: style.text, font, callback: (value: string | number) => formatValue(Number(value), spec.lang, spec.format) },
    // Room for the value labels above the highest bar.
    grace: stacked ? 0 : '12%',
  };
  // Line charts keep their first and last points (and labels) off the chart's edges.
  const categoryAxis = { stacked, offset: spec.type !== 'line' || spec.labels.length < 8, grid: { display: false }, border: { color: style.grid }, ticks: { color: style.text, font } };

  return {
    type: spec.type as 'bar' | 'line' | 'pie' | 'doughnut',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((series) => ({
        label: series.name,
        data: series.plotted,
        backgroundColor: pointColours(series),
        borderColor: radial ? '#ffffff' : series.color,
        borderWidth: radial ? 3 : spec.type === 'line' ? 4 : 0,
        ...(spec.type === 'line' && { pointRadius: 7, pointBackgroundColor: pointColours(series), tension: 0.2 }),
        ...(radial && spec.highlight !== null && { offset: spec.labels.map((_, i) => (i === spec.highlight ? 24 : 0)) }),
        ...(spec.type === 'bar' && { borderRadius: 4, maxBarThickness: 120 }),
      })),
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
              right: spec.horizontal ? widestText(valueLabels.formatted.flat(), valueLabels.font) + 20 : spec.type === 'line' ? 24 : 8,
              left: spec.type === 'line' ? 16 : 0,
            },
      },
      plugins: {
        legend: {
          display: radial || spec.series.length > 1,
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
      },
      ...(!radial && { scales: spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis } }),
    } as ChartConfiguration['options'],
  };
}
