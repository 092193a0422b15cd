/**
 * A chart's data file (CSV or JSON) as a table of named columns, and the numbers in one column as
 * the deck's language writes them. Errors say where in the data file: its row and column.
 */
import { parse as parseCsv, CsvError } from 'csv-parse/sync';

/** One row of the data file; `row` is how its author finds it (CSV: the row a spreadsheet shows, header = 1; JSON: the item, from 1). */
export interface DataRow {
  row: number;
  cells: Map<string, unknown>;
}

export interface DataTable {
  columns: string[];
  rows: DataRow[];
  /** `row` or `item`: what a position in this file is called in messages. */
  rowNoun: 'row' | 'item';
}

/** A problem in the data file itself; `name` is the data file as the chart wrote it. */
export class DataFileError extends Error {}

// Charts often share a data file: the same text (and name) is parsed once, across compiles too.
const recentTables = new Map<string, DataTable>();
const RECENT_TABLES = 16;

/** The table of a `.csv` or `.json` file; `name` is the file as the chart wrote it, for messages. Shared: never change it. */
export function readDataTable(text: string, name: string): DataTable {
  const key = `${name}\0${text}`;
  const known = recentTables.get(key);
  if (known) return known;
  const table = parseDataTable(text, name);
  if (recentTables.size >= RECENT_TABLES) recentTables.delete(recentTables.keys().next().value!);
  recentTables.set(key, table);
  return table;
}

function parseDataTable(text: string, name: string): DataTable {
  const extension = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase();
  if (extension === 'csv') return csvTable(text.replace(/\r\n?/g, '\n'), name);
  if (extension === 'json') return jsonTable(text, name);
  throw new DataFileError(`${name} is neither a .csv nor a .json file`);
}

const DELIMITERS = [',', ';'] as const;

/** The separator that splits the header row into more columns (`,` when both give as many). */
function detectDelimiter(text: string): string {
  let best: string = DELIMITERS[0];
  let most = 0;
  for (const delimiter of DELIMITERS) {
    try {
      const header = parseCsv(text, { delimiter, to: 1, relax_column_count: true, bom: true }) as string[][];
      if ((header[0]?.length ?? 0) > most) [best, most] = [delimiter, header[0]!.length];
    } catch {
      // A header that does not parse with this separator (a quote closed before the other one) is not split by it.
    }
  }
  return best;
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

function csvTable(text: string, name: string): DataTable {
  let records: CsvRecord[];
  try {
    // csv-parse's types do not model the records that `info: true` gives.
    records = parseCsv(text, { delimiter: detectDelimiter(text), bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as CsvRecord[];
  } catch (error) {
    if (error instanceof CsvError) throw new DataFileError(`${name} is not valid CSV: ${error.message.replace(/ at line \d+.*$/, '')} (row ${error.lines})`);
    throw error;
  }
  const [header, ...body] = records;
  if (!header) throw new DataFileError(`${name} is empty: it needs a header row naming its columns`);
  const columns = header.record.map((c) => c.trim());
  const twice = columns.find((column, i) => columns.indexOf(column) !== i);
  if (twice !== undefined) throw new DataFileError(`the header row of ${name} names column "${twice}" twice`);
  const rows = body.map(({ record, info }) => {
    // `lines` counts to the record's end; a quoted cell may span lines.
    const row = info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    if (record.length !== columns.length) {
      throw new DataFileError(`row ${row} of ${name} has ${record.length} cells, its header row has ${columns.length} (${columns.join(', ')})`);
    }
    return { row, cells: new Map(columns.map((column, i) => [column, record[i]])) };
  });
  return { columns, rows, rowNoun: 'row' };
}

function jsonTable(text: string, name: string): DataTable {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(`${name} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(value)) throw new DataFileError(`${name} must hold a list of rows (objects keyed by column name)`);
  const columns = new Set<string>();
  const rows = value.map((item: unknown, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new DataFileError(`item ${i + 1} of ${name} is not an object keyed by column name`);
    }
    for (const key of Object.keys(item)) columns.add(key);
    return { row: i + 1, cells: new Map(Object.entries(item)) };
  });
  return { columns: [...columns], rows, rowNoun: 'item' };
}

const decimalSeparators = new Map<string, string>();

/** The deck language's decimal separator, as `Intl` writes 1.5 in it. */
export function decimalSeparator(lang: string): string {
  let separator = decimalSeparators.get(lang);
  if (separator === undefined) {
    separator = new Intl.NumberFormat(lang).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
    decimalSeparators.set(lang, separator);
  }
  return separator;
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const COMMA_NUMBER = /^[+-]?\d+,\d+$/;

/**
 * The numbers of `column`: empty cells are gaps (`null`); in a language that writes decimal commas
 * `15,4` reads as 15.4 (as its spreadsheets export it), everywhere `15.4` does.
 */
export function numberColumn(table: DataTable, column: string, name: string, lang: string): (number | null)[] {
  const commas = decimalSeparator(lang) === ',';
  return table.rows.map(({ row, cells }) => {
    const cell = cells.get(column);
    if (cell === undefined || cell === null) return null;
    if (typeof cell === 'number' && Number.isFinite(cell)) return cell;
    const text = typeof cell === 'string' ? cell.trim() : null;
    if (text === '') return null;
    if (text !== null && PLAIN_NUMBER.test(text)) return Number(text);
    if (text !== null && commas && COMMA_NUMBER.test(text)) return Number(text.replace(',', '.'));
    const hint = text !== null && !commas && COMMA_NUMBER.test(text) ? ` (the deck's language "${lang}" writes decimals with a point)` : '';
    throw new DataFileError(`cell ${JSON.stringify(cell)} in ${name} ${table.rowNoun} ${row}, column "${column}" is not a number${hint}`);
  });
}

/** The labels of `column`, as text. */
export function labelColumn(table: DataTable, column: string): string[] {
  return table.rows.map(({ cells }) => {
    const cell = cells.get(column);
    return cell === undefined || cell === null ? '' : String(cell).trim();
  });
}
