/**
 * The schema of a ```chart block's YAML body, and the chart types derived from it: a new option
 * is one line here (it reaches the runtime's ChartSpec as parsed) plus the code that draws it.
 */
import { z } from 'zod';

export const CHART_TYPES = ['bar', 'line', 'doughnut', 'pie'] as const;

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
});

export const chartSchema = z.strictObject({
  type: z.enum(CHART_TYPES),
  title: z.string().min(1),
  unit: z.string().default(''),
  /** @defaultValue as many as the values need, at most 6. */
  decimals: z.number().int().min(0).max(6).optional(),
  horizontal: z.boolean().default(false),
  stacked: z.boolean().default(false),
  labels: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
  /** A CSV or JSON file (relative to the Markdown file) whose columns give labels and values, instead of inline `labels` and `values`. */
  data: z.string().min(1).describe('the path of a .csv or .json file, relative to the Markdown file').optional(),
  /** The column of the `data` file holding the labels. */
  x: z.union([z.string().min(1), z.number()]).transform(String).describe('the name of a column of the data file').optional(),
  series: z.array(chartSeriesSchema).describe('a list of series, each with a name and values'),
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
export type ChartSeries = Omit<z.output<typeof chartSeriesSchema>, 'color' | 'values' | 'column'> & {
  values: (number | null)[];
  /** Resolved CSS colour for the whole series. */
  color: string;
  /** Values formatted for the deck language, with unit; `''` for null. */
  formatted: string[];
};

/**
 * A validated chart, ready for the runtime: the parsed options plus what the compiler resolves. Data
 * from a file is in `labels` and each series' `values`: the page never names or fetches the file.
 */
export type ChartSpec = Omit<ChartOptions, 'decimals' | 'highlight' | 'series' | 'labels' | 'data' | 'x'> & {
  id: string;
  labels: string[];
  lang: string;
  decimals: number;
  /** Index of the emphasised data point, if any. */
  highlight: number | null;
  series: ChartSeries[];
};
