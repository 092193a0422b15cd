/**
 * A ChartSpec as a native PowerPoint chart: the pptxgenjs call (type, data, options) and what
 * pptxgenjs cannot say itself, done afterwards on the chart's XML (chart-xml-fixes.ts): a colour
 * per point (`colors`, the highlight, a waterfall's steps), a number format per series, hidden
 * labels. Pure: spec in, description out. The data stays the YAML's numbers, so "Edit Data" opens
 * them; a waterfall is a stacked bar on an invisible base series, the usual native form.
 */
import type PptxGenJS from 'pptxgenjs';
import type { ChartSpec } from '../../types.ts';
import { formatCode, shareAxisCode } from './chart-format-code.ts';

type ChartName = PptxGenJS.CHART_NAME;
type ChartOptions = PptxGenJS.IChartOpts;
interface ChartData {
  name: string;
  labels: string[];
  values: number[];
}

/** What the chart's XML needs beyond pptxgenjs, per series in plot order. */
export interface SeriesFix {
  /** `#rrggbb` per point, with an opacity (0–1) for points the highlight steps back. */
  points?: { color: string; opacity: number }[];
  /** This series' value label format code. */
  formatCode?: string;
  /** No value labels (a waterfall's invisible base). */
  hideLabels?: boolean;
  /** `#rrggbb` of each point's value label. */
  labelColors?: string[];
  /** A pie or doughnut slice pulled out of the circle (the highlight, as on screen). */
  explode?: number;
}

/** What the chart part needs beyond pptxgenjs (chart-xml-fixes.ts). */
export interface ChartFix {
  /** Per series in plot order. */
  series: SeriesFix[];
  /** A grouping pptxgenjs does not write for the chart's type (a 100 % stacked area). */
  grouping?: 'percentStacked';
  /** The title in the top left corner, as the page puts it above the chart. */
  titleTopLeft: boolean;
}

export interface NativeChart {
  /** One type, or several (a combo chart: bars with lines, a second axis). */
  types: { type: ChartName; data: ChartData[]; options: ChartOptions }[];
  options: ChartOptions;
  fixes: ChartFix;
  /** What the native chart leaves out, for a warning. */
  dropped: string[];
}

/** How the page writes the chart's labels (text colour, font, size in CSS px) and its title. */
export interface ChartText {
  color: string;
  font: string;
  size: number;
  title: { font: string; size: number; color: string; bold: boolean } | null;
  /** Width of the chart on the slide, CSS px: bars get the width Chart.js gives them. */
  width: number;
}

/** Opacity of points the highlight steps back, as on screen. */
const FADED = 0.45;
const WATERFALL_UP = '#15803d';
const WATERFALL_DOWN = '#b91c1c';

const plain = (colour: string) => colour.replace(/^#/, '').slice(0, 6).toUpperCase();
/** A gap stays a gap: pptxgenjs writes an empty cached value for null. */
const numbers = (values: (number | null)[]) => values as number[];
const pt = (px: number) => Math.round(px * 0.75 * 10) / 10;

function largest(spec: ChartSpec): number {
  return Math.max(0, ...spec.series.flatMap((s) => s.values.map((v) => Math.abs(v ?? 0))));
}

/** The value axis steps in whole numbers from 10 on: its labels need no fraction digits. */
function axisFormat(format: ChartSpec['format'], largestValue: number): ChartSpec['format'] {
  return largestValue >= 10 && format.format !== 'compact' ? { ...format, decimals: 0 } : format;
}

/**
 * Chart.js's bars: 72 % of a category (80 % of it for the group, 90 % of that per bar), at most
 * 120 px; as PowerPoint's gap between groups, in percent of a bar's width. The plot area is the
 * chart's width less room for the value axis.
 */
function gapWidth(chartWidth: number, categories: number, barsPerCategory: number): number {
  const category = Math.max(1, (chartWidth - 80) / Math.max(1, categories));
  const bar = Math.min(120, (category * 0.72) / barsPerCategory);
  return Math.round(Math.min(500, Math.max(0, ((category - bar * barsPerCategory) / bar) * 100)));
}

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.replace(/^#/, '').slice(i - 1, i + 1), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** White or the chart's text colour on `fill`, whichever contrasts more. */
function labelOn(fill: string, text: string): string {
  const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const background = luminance(fill);
  return contrast(background, 1) >= contrast(background, luminance(text)) ? '#ffffff' : text;
}

function pointColours(spec: ChartSpec, series: ChartSpec['series'][number]): SeriesFix['points'] {
  if (!series.colors && spec.highlight === null) return undefined;
  return spec.labels.map((_, i) => ({
    color: series.colors?.[i] ?? series.color,
    opacity: spec.highlight === null || spec.highlight === i ? 1 : FADED,
  }));
}

function baseOptions(spec: ChartSpec, text: ChartText): ChartOptions {
  const size = pt(text.size);
  const color = plain(text.color);
  const radial = spec.type === 'pie' || spec.type === 'doughnut';
  return {
    showTitle: true,
    title: spec.title,
    titleFontFace: text.title?.font ?? text.font,
    titleFontSize: text.title ? pt(text.title.size) : size,
    titleColor: plain(text.title?.color ?? text.color),
    titleBold: text.title?.bold ?? true,
    titleAlign: 'left',
    showLegend: radial || spec.series.length > 1,
    legendPos: radial ? 'r' : 't',
    legendFontFace: text.font,
    legendFontSize: size,
    legendColor: color,
    showValue: true,
    dataLabelColor: color,
    dataLabelFontFace: text.font,
    dataLabelFontSize: size,
    dataLabelFontBold: true,
    dataLabelFormatCode: formatCode(spec.format, spec.lang, largest(spec)),
    catAxisLabelColor: color,
    catAxisLabelFontFace: text.font,
    catAxisLabelFontSize: size,
    valAxisLabelColor: color,
    valAxisLabelFontFace: text.font,
    valAxisLabelFontSize: size,
    valAxisLabelFormatCode: formatCode(axisFormat(spec.format, largest(spec)), spec.lang, largest(spec)),
    valGridLine: { color: 'D9D9D9', size: 0.75 },
    catGridLine: { style: 'none' },
    valAxisLineShow: false,
    ...(spec.min !== undefined && { valAxisMinVal: spec.min }),
    ...(spec.max !== undefined && { valAxisMaxVal: spec.max }),
    lang: spec.lang,
    altText: spec.title,
  };
}

export function nativeChart(spec: ChartSpec, text: ChartText): NativeChart {
  const options = baseOptions(spec, text);
  const dropped = spec.lines.length ? [`${spec.lines.length} reference line(s) or band(s)`] : [];
  const data = (series: ChartSpec['series'][number]): ChartData => ({ name: series.name, labels: spec.labels, values: numbers(series.values) });
  const seriesFormat = (series: ChartSpec['series'][number]) => formatCode(series.format, spec.lang, largest(spec));

  switch (spec.type) {
    case 'pie':
    case 'doughnut': {
      const series = spec.series[0]!;
      const colours = series.colors ?? spec.labels.map(() => series.color);
      return {
        types: [{ type: spec.type, data: [data(series)], options: {} }],
        options: { ...options, chartColors: colours.map(plain), showPercent: false, showLabel: false, dataLabelPosition: spec.type === 'pie' ? 'bestFit' : undefined, holeSize: 50, dataBorder: { pt: 2, color: 'FFFFFF' } },
        fixes: {
          series: [{ formatCode: seriesFormat(series), labelColors: colours.map((c) => labelOn(c, text.color)), ...(spec.highlight !== null && { explode: spec.highlight }) }],
          titleTopLeft: true,
        },
        dropped,
      };
    }
    case 'scatter': {
      const xs = { name: 'x', labels: spec.labels, values: spec.xValues ?? spec.labels.map(Number) };
      return {
        types: [{ type: 'scatter', data: [xs, ...spec.series.map(data)], options: {} }],
        options: { ...options, chartColors: spec.series.map((s) => plain(s.color)), lineSize: 0, lineDataSymbol: 'circle', lineDataSymbolSize: 10, showValue: false },
        fixes: { series: spec.series.map(() => ({})), titleTopLeft: true },
        dropped,
      };
    }
    case 'waterfall':
      return waterfall(spec, options, dropped);
    case 'line':
    case 'area': {
      const grouping = spec.stacked === 'percent' ? 'percentStacked' : spec.stacked ? 'stacked' : 'standard';
      return {
        types: [{ type: spec.type, data: spec.series.map(data), options: {} }],
        options: {
          ...options,
          chartColors: spec.series.map((s) => plain(s.color)),
          ...(spec.type === 'line' && { lineSize: 3, lineDataSymbol: 'circle', lineDataSymbolSize: 8, dataLabelPosition: 't' }),
          // pptxgenjs writes an area's grouping only when it is `stacked`; a 100 % one is set afterwards.
          ...(spec.type === 'area' && { barGrouping: grouping === 'standard' ? 'standard' : 'stacked', chartColorsOpacity: 70, showValue: false }),
          ...(spec.stacked === 'percent' && { valAxisLabelFormatCode: shareAxisCode(spec.lang) }),
        },
        fixes: {
          series: spec.series.map((series) => ({ formatCode: seriesFormat(series) })),
          ...(spec.type === 'area' && grouping === 'percentStacked' && { grouping: 'percentStacked' as const }),
          titleTopLeft: true,
        },
        dropped,
      };
    }
    default:
      return barChart(spec.horizontal ? bottomUp(spec) : spec, options, dropped, text);
  }
}

/**
 * PowerPoint lists a horizontal bar chart's categories from the bottom up; the deck reads top down.
 * The categories go in reversed, so every viewer shows them in the deck's order with the value axis
 * at the bottom (a reversed category axis is drawn differently by LibreOffice and PowerPoint).
 */
export function bottomUp(spec: ChartSpec): ChartSpec {
  const last = spec.labels.length - 1;
  return {
    ...spec,
    labels: [...spec.labels].reverse(),
    highlight: spec.highlight === null ? null : last - spec.highlight,
    waterfall: spec.waterfall && [...spec.waterfall].reverse(),
    series: spec.series.map((series) => ({
      ...series,
      values: [...series.values].reverse(),
      plotted: [...series.plotted].reverse(),
      formatted: [...series.formatted].reverse(),
      labels: [...series.labels].reverse(),
      ...(series.colors && { colors: [...series.colors].reverse() }),
    })),
  };
}

/** Bars, stacked or not, with any series drawn as lines or read on a right axis: a combo chart. */
function barChart(spec: ChartSpec, options: ChartOptions, dropped: string[], text: ChartText): NativeChart {
  const stacked = spec.stacked !== false;
  const barDir = spec.horizontal ? 'bar' : 'col';
  const barGrouping = spec.stacked === 'percent' ? 'percentStacked' : stacked ? 'stacked' : 'clustered';
  const groups = new Map<string, ChartSpec['series']>();
  for (const series of spec.series) {
    const key = `${series.type === 'line' ? 'line' : 'bar'}:${series.axis}`;
    groups.set(key, [...(groups.get(key) ?? []), series]);
  }
  // Bars first, left axis first: the order PowerPoint itself writes a combo chart in.
  const order = ['bar:left', 'bar:right', 'line:left', 'line:right'].filter((key) => groups.has(key));
  const secondary = order.some((key) => key.endsWith(':right'));
  const types = order.map((key) => {
    const members = groups.get(key)!;
    const [kind, axis] = key.split(':') as ['bar' | 'line', 'left' | 'right'];
    return {
      type: kind as ChartName,
      data: members.map((s) => ({ name: s.name, labels: spec.labels, values: numbers(s.values) })),
      options: {
        chartColors: members.map((s) => plain(s.color)),
        ...(kind === 'bar' ? { barDir, barGrouping, barGapWidthPct: gapWidth(text.width, spec.labels.length, stacked ? 1 : members.length) } : { lineSize: 3, lineDataSymbol: 'circle' as const, lineDataSymbolSize: 8 }),
        ...(secondary && axis === 'right' && { secondaryValAxis: true, secondaryCatAxis: true }),
      } satisfies ChartOptions,
    };
  });
  const ordered = order.flatMap((key) => groups.get(key)!);
  const rightFormat = ordered.find((s) => s.axis === 'right')?.format;
  const axisOptions: ChartOptions = secondary
    ? {
        valAxes: [
          { valAxisLabelFormatCode: options.valAxisLabelFormatCode, ...(spec.min !== undefined && { valAxisMinVal: spec.min }), ...(spec.max !== undefined && { valAxisMaxVal: spec.max }) },
          { valAxisLabelFormatCode: rightFormat ? formatCode(axisFormat(rightFormat, largest(spec)), spec.lang, largest(spec)) : options.valAxisLabelFormatCode, valGridLine: { style: 'none' } },
        ],
        catAxes: [{ catAxisTitle: '' }, { catAxisHidden: true }],
      }
    : {};
  return {
    types,
    options: {
      ...options,
      ...axisOptions,
      barDir,
      barGrouping,
      chartColors: ordered.map((s) => plain(s.color)),
      dataLabelPosition: stacked ? 'ctr' : 'outEnd',
      ...(spec.stacked === 'percent' && { valAxisLabelFormatCode: shareAxisCode(spec.lang) }),
    },
    fixes: {
      series: ordered.map((series) => ({
        // Inside stacked segments the number alone fits; the axis carries the unit (as on screen).
        formatCode: formatCode(stacked ? { ...series.format, unit: '' } : series.format, spec.lang, largest(spec)),
        ...(series.type !== 'line' && { points: pointColours(spec, series) }),
        // Inside a segment, white or dark text, whichever reads better on its colour (as on screen).
        ...(stacked && series.type !== 'line' && { labelColors: spec.labels.map(() => labelOn(series.color, text.color)) }),
      })),
      titleTopLeft: true,
    },
    dropped,
  };
}

/**
 * A stacked bar: an invisible base series carries each bar up to where it starts; the start and
 * total, the steps up and the steps down are series of their own (each label its own colour and
 * sign), with a gap where a bar is of another kind.
 */
function waterfall(spec: ChartSpec, options: ChartOptions, dropped: string[]): NativeChart {
  const series = spec.series[0]!;
  const kinds = spec.waterfall ?? [];
  const base: (number | null)[] = [];
  const ends: (number | null)[] = [];
  const ups: (number | null)[] = [];
  const downs: (number | null)[] = [];
  let running = 0;
  series.values.forEach((raw, i) => {
    const value = raw ?? 0;
    const kind = kinds[i];
    const end = kind === 'start' || kind === 'total';
    const next = end ? value : running + value;
    base.push(end ? null : Math.min(running, next));
    ends.push(end ? value : null);
    ups.push(kind === 'up' ? value : null);
    downs.push(kind === 'down' ? -value : null);
    running = next;
  });
  const largestValue = largest(spec);
  // Worked out in the deck's order (each bar starts where the one before ends), then turned bottom-up like any horizontal bar chart.
  const inOrder = <T,>(list: T[]) => (spec.horizontal ? [...list].reverse() : list);
  const parts = [
    { name: ' ', values: base, color: 'transparent', fix: { hideLabels: true } },
    { name: series.name, values: ends, color: plain(series.color), fix: { formatCode: formatCode(series.format, spec.lang, largestValue) } },
    { name: '+', values: ups, color: plain(WATERFALL_UP), fix: { formatCode: formatCode(series.format, spec.lang, largestValue, '+') } },
    { name: '\u2212', values: downs, color: plain(WATERFALL_DOWN), fix: { formatCode: formatCode(series.format, spec.lang, largestValue, '-') } },
  ];
  return {
    types: [{ type: 'bar', data: parts.map((part) => ({ name: part.name, labels: inOrder(spec.labels), values: numbers(inOrder(part.values)) })), options: {} }],
    options: {
      ...options,
      showLegend: false,
      barDir: spec.horizontal ? 'bar' : 'col',
      barGrouping: 'stacked',
      barGapWidthPct: 50,
      chartColors: parts.map((part) => part.color),
      dataLabelPosition: 'ctr',
    },
    fixes: { series: parts.map((part) => part.fix), titleTopLeft: true },
    dropped: [...dropped, 'the connectors between waterfall bars'],
  };
}
