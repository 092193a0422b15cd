/**
 * Turns a ```chart block's YAML into a ChartSpec, or into diagnostics that
 * point at the line of the offending key in the Markdown file.
 */
import type { DeckSettings, Diagnostic, Severity } from '../../types.ts';
import { chartSchema, type ChartSeries, type ChartSpec } from './chart-schema.ts';
import { chartData, type ChartData, type ChartReport, type ReadDataFile } from './chart-data.ts';
import { colourCycle, nthColour, resolveColour } from './chart-colours.ts';
import { decimalsOf, formatValue } from './format-number.ts';
import { parseYamlSource } from '../settings/yaml-source.ts';
import { schemaMessages, unknownKey } from '../settings/schema-messages.ts';

export interface ChartBlock {
  yaml: string;
  file: string;
  /** 1-based file line of the YAML's first line. */
  line: number;
  /** 1-based file line of the opening fence. */
  fenceLine: number;
  id: string;
  /** Reads the data files that charts name (`data:`); the loader provides it. */
  readData?: ReadDataFile;
}

type Path = readonly PropertyKey[];
type Report = ChartReport;

const chartMessages = schemaMessages(chartSchema, 'a chart block');

export function validateChart(
  block: ChartBlock,
  settings: DeckSettings,
): { spec: ChartSpec | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (block.yaml.trim() === '') {
    return { spec: null, diagnostics: [diagnostic(block.file, block.fenceLine, 'chart block is empty: give type, title, labels, series and source')] };
  }
  const source = parseYamlSource(block.yaml, block.line);
  for (const e of source.errors) diagnostics.push(diagnostic(block.file, e.line, `invalid YAML in chart: ${e.message}`));
  if (source.errors.length) return { spec: null, diagnostics };

  const parsed = chartSchema.safeParse(source.value, { error: chartMessages });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        // One diagnostic per key, each at its own line.
        for (const key of issue.keys) diagnostics.push(diagnostic(block.file, source.lineOf([...issue.path, key]), unknownKey(key, chartSchema, issue.path)));
      } else {
        diagnostics.push(diagnostic(block.file, source.lineOf(issue.path), issue.message));
      }
    }
    return { spec: null, diagnostics };
  }

  const report: Report = (path, message, severity = 'error', code = 'chart') =>
    diagnostics.push({ ...diagnostic(block.file, source.lineOf(path), message, severity), code });
  const options = chartData(parsed.data, block.file, settings.lang, block.readData, report);
  if (!options) return { spec: null, diagnostics };
  checkShape(options, report);
  const highlight = resolveHighlight(options, report);
  const colours = seriesColours(options, settings.palette, report);
  if (diagnostics.some((d) => d.severity === 'error')) return { spec: null, diagnostics };

  const decimals = options.decimals ?? decimalsOf(options.series.flatMap((s) => s.values));
  const { data: _data, x: _x, ...drawn } = options;
  const spec: ChartSpec = {
    ...drawn,
    id: block.id,
    lang: settings.lang,
    decimals,
    highlight,
    series: options.series.map(({ column: _column, ...series }, i) => ({
      ...series,
      ...colours[i]!,
      formatted: series.values.map((v) => formatValue(v, settings.lang, options.unit, decimals)),
    })),
  };
  return { spec, diagnostics };
}

function checkShape(input: ChartData, report: Report): void {
  if (input.labels.length === 0) report(['labels'], 'labels is empty: a chart needs at least one label');
  if (input.series.length === 0) report(['series'], 'series is empty: a chart needs at least one series');
  input.series.forEach((series, i) => {
    if (series.values.length !== input.labels.length) {
      report(['series', i, 'values'], `values has ${series.values.length} entries, labels has ${input.labels.length}`);
    } else if (series.values.every((v) => v === null)) {
      report(['series', i, 'values'], `series "${series.name}" has no values (all null)`);
    }
    if (series.colors && series.colors.length !== input.labels.length) {
      report(['series', i, 'colors'], `colors has ${series.colors.length} entries, labels has ${input.labels.length}`);
    }
  });
  if (isRadial(input) && input.series.some((s) => s.values.some((v) => v !== null && v < 0))) {
    report(['series'], `${input.type} charts cannot show negative values`);
  }
  if ((input.horizontal || input.stacked) && input.type !== 'bar') {
    report([input.horizontal ? 'horizontal' : 'stacked'], `${input.horizontal ? 'horizontal' : 'stacked'} applies to bar charts only`);
  }
  if (input.min !== undefined && input.max !== undefined && input.min >= input.max) report(['min'], 'min must be less than max');
}

function resolveHighlight(input: ChartData, report: Report): number | null {
  if (input.highlight === undefined) return null;
  const index = typeof input.highlight === 'number' ? input.highlight : input.labels.indexOf(input.highlight);
  if (index < 0 || index >= input.labels.length) {
    report(['highlight'], `highlight "${input.highlight}" is not one of the labels (or a valid index)`);
    return null;
  }
  return index;
}

/**
 * Each series' colour (its own, else the next of the palette) and per-point colours. The slices of
 * a pie or doughnut each take the next palette colour, the same in every ring, unless `colors`
 * names them; a series `color` would paint every slice alike, so there it is ignored with a warning.
 */
function seriesColours(input: ChartData, palette: Record<string, string>, report: Report): Pick<ChartSeries, 'color' | 'colors'>[] {
  const cycle = colourCycle(palette);
  const resolve = (name: string, path: Path): string => {
    const colour = resolveColour(name, palette);
    if (colour === null) report(path, `unknown colour "${name}": use a palette name (${Object.keys(palette).join(', ')}) or a hex colour`);
    return colour ?? '#000000';
  };
  const radial = isRadial(input);
  return input.series.map((series, i) => {
    const colors = series.colors?.map((c, j) => resolve(c, ['series', i, 'colors', j]));
    if (radial) {
      if (series.color !== undefined) {
        report(['series', i, 'color'], `color is ignored on a ${input.type} chart: each slice takes its own palette colour; use colors (one per label) to choose them`, 'warning');
      }
      return { color: nthColour(cycle, 0), colors: colors ?? input.labels.map((_, j) => nthColour(cycle, j)) };
    }
    const color = series.color !== undefined ? resolve(series.color, ['series', i, 'color']) : nthColour(cycle, i);
    return colors ? { color, colors } : { color };
  });
}

function isRadial(input: ChartData): boolean {
  return input.type === 'doughnut' || input.type === 'pie';
}

function diagnostic(file: string, line: number, message: string, severity: Severity = 'error'): Diagnostic {
  return { severity, code: 'chart', message, file, line };
}
