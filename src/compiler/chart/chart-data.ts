/**
 * A chart's numbers: inline (`labels`, each series' `values`) or from a data file (`data`, `x`, each
 * series' `column`), never both. Errors from the data file name both places: the chart's key at its
 * line in the Markdown file, and the data file's row and column in the message.
 */
import { posix } from 'node:path';
import type { Severity } from '../../types.ts';
import type { ChartOptions } from './chart-schema.ts';
import { DataFileError, labelColumn, numberColumn, readDataTable, type DataTable } from './data-table.ts';

type Path = readonly PropertyKey[];
export type ChartReport = (path: Path, message: string, severity?: Severity, code?: string) => void;

/** Reads a data file by its path (the Markdown file's folder joined with `data:`); `null` when there is none. */
export type ReadDataFile = (path: string) => string | null;

/** The chart with its labels and every series' values in place, wherever they came from. */
export type ChartData = Omit<ChartOptions, 'labels' | 'series'> & {
  labels: string[];
  /** With a data file: where the labels come from, for messages (`column "Jahr" in capex.csv`). */
  labelsFrom?: string;
  /** Scatter: the x column's numbers (read as the deck's language writes them); otherwise absent. */
  xValues?: (number | null)[];
  series: (Omit<ChartOptions['series'][number], 'values'> & { values: (number | null)[] })[];
};

const DATA_CODE = 'chart-data';

/** Where `data:` written in `file` points: the path the loader is asked for. */
export function dataFilePath(data: string, file: string): string {
  return posix.isAbsolute(data) ? posix.normalize(data) : posix.join(posix.dirname(file), data);
}

/** The chart's labels and values, or `null` after reporting why they cannot be had. */
export function chartData(options: ChartOptions, file: string, lang: string, read: ReadDataFile | undefined, report: ChartReport): ChartData | null {
  if (options.data === undefined) return inlineData(options, report);
  const data = options.data;
  let ok = true;
  const fail: ChartReport = (...args) => {
    ok = false;
    report(...args);
  };
  if (options.labels !== undefined) fail(['labels'], 'labels and data exclude each other: with a data file the labels come from its x column');
  if (options.x === undefined) fail(['data'], 'data needs x: the column of the data file that holds the labels');
  options.series.forEach((series, i) => {
    if (series.values !== undefined) fail(['series', i, 'values'], `values and data exclude each other: give series "${series.name}" a column of the data file instead`);
    else if (series.column === undefined) fail(['series', i], `missing required key "column" in item ${i + 1} of "series" (the column of ${data} with its values)`);
  });
  if (!ok) return null;

  const path = dataFilePath(data, file);
  const text = read?.(path) ?? null;
  if (text === null) {
    report(['data'], `data file ${data} not found (${path})`, 'error', DATA_CODE);
    return null;
  }
  let table: DataTable;
  try {
    table = readDataTable(text, data);
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    report(['data'], error.message, 'error', DATA_CODE);
    return null;
  }
  if (table.rows.length === 0) {
    report(['data'], `${data} has no rows below its header`, 'error', DATA_CODE);
    return null;
  }
  const missing = (column: string) => `column "${column}" not found in ${data} (columns: ${table.columns.join(', ')})`;
  const x = options.x!;
  if (!table.columns.includes(x)) fail(['x'], missing(x), 'error', DATA_CODE);
  const series = options.series.map((s, i) => {
    const column = s.column!;
    if (!table.columns.includes(column)) {
      fail(['series', i, 'column'], missing(column), 'error', DATA_CODE);
      return { ...s, values: [] };
    }
    try {
      return { ...s, values: numberColumn(table, column, data, lang) };
    } catch (error) {
      if (!(error instanceof DataFileError)) throw error;
      fail(['series', i, 'column'], error.message, 'error', DATA_CODE);
      return { ...s, values: [] };
    }
  });
  let xValues: (number | null)[] | undefined;
  if (options.type === 'scatter' && table.columns.includes(x)) {
    try {
      xValues = numberColumn(table, x, data, lang);
    } catch (error) {
      if (!(error instanceof DataFileError)) throw error;
      fail(['x'], `${error.message}: a scatter chart's x column holds numbers`, 'error', DATA_CODE);
    }
  }
  if (!ok) return null;
  const labels = labelColumn(table, x);
  if (options.type !== 'scatter') checkLabels(table, labels, x, data, report);
  return { ...options, labels, series, labelsFrom: `column "${x}" in ${data}`, ...(xValues && { xValues }) };
}

/** Rows of the data file, for a message: `row 4`, `rows 3 and 5`, `rows 3, 5, 9 …`. */
function rowsNamed(table: DataTable, indexes: number[]): string {
  const rows = indexes.map((i) => table.rows[i]!.row);
  const shown = rows.length > 4 ? `${rows.slice(0, 3).join(', ')} … (${rows.length} in all)` : rows.length > 1 ? `${rows.slice(0, -1).join(', ')} and ${rows.at(-1)}` : String(rows[0]);
  return `${table.rowNoun}${rows.length > 1 ? 's' : ''} ${shown}`;
}

/**
 * Warnings when the label column no longer names each row once (the data file changed since the
 * slide was written): a bar without a name, or two bars of one name that `highlight` and `lines`
 * cannot tell apart.
 */
function checkLabels(table: DataTable, labels: string[], x: string, data: string, report: ChartReport): void {
  const rowsOf = new Map<string, number[]>();
  labels.forEach((label, i) => rowsOf.set(label, [...(rowsOf.get(label) ?? []), i]));
  const empty = rowsOf.get('');
  if (empty) report(['x'], `empty label in ${data} ${rowsNamed(table, empty)}, column "${x}": its bar or point has no name`, 'warning', DATA_CODE);
  for (const [label, rows] of rowsOf) {
    if (label === '' || rows.length < 2) continue;
    report(['x'], `label "${label}" in ${data} ${rowsNamed(table, rows)}, column "${x}" is there ${rows.length} times: each label should name one row`, 'warning', DATA_CODE);
  }
}

/** How a message names the chart's labels: where they come from. */
export function labelsNamed(data: ChartData): string {
  return data.labelsFrom ? `the labels of ${data.labelsFrom}` : 'the labels';
}

function inlineData(options: ChartOptions, report: ChartReport): ChartData | null {
  let ok = true;
  const fail: ChartReport = (...args) => {
    ok = false;
    report(...args);
  };
  if (options.x !== undefined) fail(['x'], 'x applies only with data: name the data file whose column holds the labels');
  if (options.labels === undefined) fail([], 'missing required key "labels" (or data: a data file, with x: its column of labels)');
  const series = options.series.map((s, i) => {
    if (s.column !== undefined) fail(['series', i, 'column'], 'column applies only with data: name the data file at the top of the chart');
    else if (s.values === undefined) fail(['series', i], `missing required key "values" in item ${i + 1} of "series"`);
    return { ...s, values: s.values ?? [] };
  });
  return ok ? { ...options, labels: options.labels ?? [], series } : null;
}
