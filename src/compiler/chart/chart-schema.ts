/**
 * The schema of a ```chart block's YAML body, and the chart types derived from it: a new option
 * is one line here (it reaches the runtime's ChartSpec as parsed) plus the code that draws it.
 */
import { z } from 'zod';
import { NUMBER_FORMATS, type ValueFormat } from './format-number.ts';

export const CHART_TYPES = ['bar', 'line', 'area', 'scatter', 'waterfall', 'doughnut', 'pie'] as const;
/** What a series of a bar chart may be drawn as instead (a combo chart). */
export const SERIES_TYPES = ['bar', 'line'] as const;
export const AXES = ['left', 'right'] as const;
/** How a chart builds up, one fragment a step: the next series, or the next point. */
export const STEP_KINDS = ['series', 'points'] as const;

const colour = z.string().min(1).describe('a palette name or a CSS colour such as #0078d4');

export const chartSeriesSchema = z.strictObject({
  /** A year as a name (`name: 2024`) is a name too. */
  name: z.union([z.string().min(1), z.number()]).transform(String),
  values: z.array(z.number().finite().nullable()).describe('a list of numbers (null for a missing value)').optional(),
  /** The column of the chart's `data` file holding this series' values, instead of `values`. */
  column: z.union([z.string().min(1), z.number()]).transform(String).describe('the name of a column of the data file').optional(),
  /** The series' colour; pie and doughnut slices take `colors` or the palette instead. */
  color: colour.optional(),
  /** One colour per label. */
  colors: z.array(colour).describe('a list of colours, one per label').optional(),
  /** In a bar chart: this series drawn as a line (a combo chart). */
  type: z.enum(SERIES_TYPES).optional(),
  /** The y-axis the series is read on; `right` adds a second axis with the series' own unit. */
  axis: z.enum(AXES).default('left'),
  /** The series' own unit (on a right axis, that axis' unit); default the chart's. */
  unit: z.string().optional(),
});

/** A reference line (`value` or `at`) or band (`from`/`to`) with its label. */
export const referenceLineSchema = z.strictObject({
  /** A line across the chart at this value of the value axis. */
  value: z.number().finite().optional(),
  /** A band on the value axis from this value… */
  from: z.number().finite().optional(),
  /** …to this one. */
  to: z.number().finite().optional(),
  /** A line across the category axis at this label (at this x value in a scatter chart). */
  at: z.union([z.string().min(1), z.number()]).transform(String).describe('a label of the chart (an x value in a scatter chart)').optional(),
  label: z.union([z.string(), z.number()]).transform(String).default(''),
  color: colour.optional(),
  /** The value axis `value`/`from`/`to` are read on. */
  axis: z.enum(AXES).default('left'),
});

export const chartSchema = z.strictObject({
  type: z.enum(CHART_TYPES),
  title: z.string().min(1),
  unit: z.string().default(''),
  /** @defaultValue as many as the values need, at most 6. */
  decimals: z.number().int().min(0).max(6).optional(),
  horizontal: z.boolean().default(false),
  /** `percent`: each label's bar makes up 100 %. */
  stacked: z.union([z.boolean(), z.literal('percent')]).describe('true, false or percent').default(false),
  labels: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
  /** A CSV or JSON file (relative to the Markdown file) whose columns give labels and values, instead of inline `labels` and `values`. */
  data: z.string().min(1).describe('the path of a .csv or .json file, relative to the Markdown file').optional(),
  /** The column of the `data` file holding the labels. */
  x: z.union([z.string().min(1), z.number()]).transform(String).describe('the name of a column of the data file').optional(),
  series: z.array(chartSeriesSchema).describe('a list of series, each with a name and values'),
  /** How values are written on the axes, the value labels and the data table, in the deck's language. */
  format: z.enum(NUMBER_FORMATS).default('number'),
  /** ISO 4217 code, for `format: currency` (and `compact` money). */
  currency: z.string().regex(/^[A-Z]{3}$/).describe('an ISO 4217 code such as USD or EUR').optional(),
  /** Reference lines and bands. */
  lines: z.array(referenceLineSchema).describe('a list of lines, each with value, at, or from and to').default([]),
  /** Builds the chart up one fragment a step. */
  steps: z.enum(STEP_KINDS).optional(),
  /** Waterfall: adds the total bar with this label. */
  total: z.union([z.string().min(1), z.number()]).transform(String).optional(),
  /** A label or its position (from 0); resolved to the position. */
  highlight: z.union([z.string(), z.number().int().min(0)]).describe('a label or its position (from 0)').optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  source: z.string().min(1),
  note: z.string().default(''),
  /** CSS height of the drawing area in px. */
  height: z.number().int().min(120).max(1200).default(440),
});

/** A chart block as its author writes it. */
export type ChartInput = z.input<typeof chartSchema>;
/** A chart block as parsed, defaults filled in. */
export type ChartOptions = z.output<typeof chartSchema>;
export type ChartType = ChartOptions['type'];

/** A series ready to draw: its values (inline or from the data file), its colours resolved to CSS colours, its values formatted. */
export type ChartSeries = Omit<z.output<typeof chartSeriesSchema>, 'color' | 'values' | 'column' | 'unit' | 'type'> & {
  /** The values as written (a waterfall's total appended); the data table shows these. */
  values: (number | null)[];
  /** What is drawn as each point's height: the values, or each value's share of its label (`stacked: percent`, in percent points). */
  plotted: (number | null)[];
  /** Resolved CSS colour for the whole series. */
  color: string;
  /** Drawn as: the chart's type, or the series' own in a combo chart. */
  type: ChartType;
  /** How this series' values are written: the chart's format with the series' unit. */
  format: ValueFormat;
  /** Values formatted for the deck language, with unit; `''` for null. */
  formatted: string[];
  /** The value labels drawn on the chart: `formatted`, a waterfall's signed steps, or a stacked-percent share. */
  labels: string[];
};

/** A reference line or band, resolved: `at` became a position of the category axis (an x value in a scatter chart). */
export interface ChartReferenceLine {
  kind: 'value' | 'band' | 'category';
  /** `value`: the value; `band`: from; `category`: the label's position (or x value). */
  from: number;
  /** `band`: to; otherwise equal to `from`. */
  to: number;
  label: string;
  color: string;
  axis: (typeof AXES)[number];
}

/** A waterfall bar: the start, a step up or down, or the total. */
export type WaterfallKind = 'start' | 'up' | 'down' | 'total';

/**
 * A validated chart, ready for the runtime: the parsed options plus what the compiler resolves. Data
 * from a file is in `labels` and each series' `values`: the page never names or fetches the file.
 */
export type ChartSpec = Omit<ChartOptions, 'decimals' | 'highlight' | 'series' | 'labels' | 'data' | 'x' | 'lines' | 'total' | 'currency' | 'format'> & {
  id: string;
  labels: string[];
  lang: string;
  decimals: number;
  /** How the left (or only) value axis writes its numbers; a right axis takes its first series' `format`. */
  format: ValueFormat;
  /** Index of the emphasised data point, if any. */
  highlight: number | null;
  series: ChartSeries[];
  lines: ChartReferenceLine[];
  /** Scatter: the x value of each label (the labels are those numbers, written for the deck's language). */
  xValues: number[] | null;
  /** Waterfall: what each bar is (the total's label is the last label). */
  waterfall: WaterfallKind[] | null;
  /** Fragments the chart builds up in: 0 without `steps`, else one fewer than series or points. */
  stepCount: number;
};
