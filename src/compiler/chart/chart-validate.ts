/**
 * Turns a ```chart block's YAML into a ChartSpec, or into diagnostics that
 * point at the line of the offending key in the Markdown file.
 */
import type { DeckSettings, Diagnostic, Severity } from '../../types.ts';
import { chartSchema, type ChartReferenceLine, type ChartSeries, type ChartSpec, type WaterfallKind } from './chart-schema.ts';
import { chartData, labelsNamed, type ChartData, type ChartReport, type ReadDataFile } from './chart-data.ts';
import { colourCycle, nthColour, resolveColour } from './chart-colours.ts';
import { decimalsOf, formatNumber, formatValue, type ValueFormat } from './format-number.ts';
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
  const xValues = scatterXValues(options, report);
  const highlight = resolveHighlight(options, report);
  const colours = seriesColours(options, settings.palette, report);
  const lines = resolveLines(options, xValues, settings.palette, report);
  if (diagnostics.some((d) => d.severity === 'error')) return { spec: null, diagnostics };
  return { spec: chartSpec(options, block.id, settings.lang, { highlight, colours, lines, xValues }), diagnostics };
}

interface Resolved {
  highlight: number | null;
  colours: Pick<ChartSeries, 'color' | 'colors'>[];
  lines: ChartReferenceLine[];
  xValues: number[] | null;
}

/** The validated chart as the page draws it: totals, shares, formats and value labels worked out. */
function chartSpec(options: ChartData, id: string, lang: string, resolved: Resolved): ChartSpec {
  const waterfall = options.type === 'waterfall' ? waterfallOf(options) : null;
  const labels = waterfall ? waterfall.labels : options.labels;
  const values = (series: ChartData['series'][number]) => (waterfall ? waterfall.values : series.values);
  const decimals = options.decimals ?? decimalsOf(options.series.flatMap(values));
  const format: ValueFormat = { format: options.format, currency: options.currency, decimals, unit: options.unit };
  const shares = options.stacked === 'percent' ? percentShares(options.series.map((s) => s.values)) : null;
  const shareFormat: ValueFormat = { format: 'percent', decimals: 0, unit: '' };
  const { data: _data, x: _x, labelsFrom: _labelsFrom, xValues: _xValues, lines: _lines, total: _total, currency: _currency, ...drawn } = options;
  return {
    ...drawn,
    id,
    labels: resolved.xValues && options.type === 'scatter' ? resolved.xValues.map((x) => formatNumber(x, lang, 3)) : labels,
    lang,
    decimals,
    format,
    highlight: resolved.highlight,
    lines: resolved.lines,
    xValues: resolved.xValues,
    waterfall: waterfall?.kinds ?? null,
    stepCount: options.steps === undefined ? 0 : Math.max(0, (options.steps === 'series' ? options.series.length : labels.length) - 1),
    series: options.series.map(({ column: _column, unit, type, ...series }, i) => {
      const own: ValueFormat = { ...format, unit: unit ?? options.unit };
      const written = values(series);
      const formatted = written.map((v) => formatValue(v, lang, own));
      return {
        ...series,
        ...resolved.colours[i]!,
        type: type ?? options.type,
        format: own,
        values: written,
        plotted: shares?.[i] ?? written,
        formatted,
        labels: shares
          ? shares[i]!.map((v) => formatValue(v, lang, shareFormat))
          : waterfall
            ? written.map((v, j) => (waterfall.kinds[j] === 'up' || waterfall.kinds[j] === 'down' ? formatValue(v, lang, own, true) : formatted[j]!))
            : formatted,
      };
    }),
  };
}

/** A waterfall's bars: the start, the signed steps, and (with `total:`) the total at the end. */
function waterfallOf(options: ChartData): { labels: string[]; values: (number | null)[]; kinds: WaterfallKind[] } {
  const steps = options.series[0]!.values;
  const kinds: WaterfallKind[] = steps.map((v, i) => (i === 0 ? 'start' : (v ?? 0) < 0 ? 'down' : 'up'));
  if (options.total === undefined) return { labels: options.labels, values: steps, kinds };
  const sum = steps.reduce<number>((total, v) => total + (v ?? 0), 0);
  // The sum of decimals as written (1.1 + 2.2), not its floating-point error.
  const total = Number(sum.toFixed(decimalsOf(steps)));
  return { labels: [...options.labels, options.total], values: [...steps, total], kinds: [...kinds, 'total'] };
}

/** Each value's share of its label's total, in percent points (`stacked: percent`). */
function percentShares(series: (number | null)[][]): (number | null)[][] {
  const totals = (series[0] ?? []).map((_, i) => series.reduce((sum, values) => sum + Math.abs(values[i] ?? 0), 0));
  return series.map((values) => values.map((v, i) => (v === null || totals[i] === 0 ? null : (Math.abs(v) / totals[i]!) * 100)));
}

/** A scatter chart's x values: its labels as numbers (from the data file, or written as numbers inline). */
function scatterXValues(input: ChartData, report: Report): number[] | null {
  if (input.type !== 'scatter') return null;
  const read = input.xValues ?? input.labels.map((label) => (label.trim() !== '' && Number.isFinite(Number(label)) ? Number(label) : null));
  const bad = read.findIndex((x) => x === null);
  if (bad >= 0) {
    report(input.data === undefined ? ['labels', bad] : ['x'], `a scatter chart's x values are numbers: "${input.labels[bad]}" (label ${bad + 1}) is not one`);
    return null;
  }
  return read as number[];
}

/** The chart's reference lines and bands, each checked against the chart it is drawn on. */
function resolveLines(input: ChartData, xValues: number[] | null, palette: Record<string, string>, report: Report): ChartReferenceLine[] {
  if (input.lines.length && isRadial(input)) report(['lines'], `lines do not apply to ${input.type} charts`);
  const rightAxis = input.series.some((s) => s.axis === 'right');
  return input.lines.flatMap((line, i): ChartReferenceLine[] => {
    const path = ['lines', i];
    const color = line.color === undefined ? '#6b7280' : (resolveColour(line.color, palette) ?? '');
    if (color === '') report([...path, 'color'], `unknown colour "${line.color}": use a palette name (${Object.keys(palette).join(', ')}) or a hex colour`);
    if (line.axis === 'right' && !rightAxis) report([...path, 'axis'], 'axis: right needs a series on the right axis (a series with axis: right)');
    const given = [line.value !== undefined && 'value', (line.from !== undefined || line.to !== undefined) && 'from/to', line.at !== undefined && 'at'].filter(Boolean);
    if (given.length !== 1) {
      report(path, `a line takes one of value (a line at a value), from and to (a band) or at (a line at a label)${given.length ? `, not ${given.join(' and ')}` : ''}`);
      return [];
    }
    const common = { label: line.label, color, axis: line.axis };
    if (line.value !== undefined) return [{ kind: 'value', from: line.value, to: line.value, ...common }];
    if (line.at !== undefined) {
      const position = xValues ? Number(line.at) : input.labels.indexOf(line.at);
      if (xValues ? !Number.isFinite(position) : position < 0) {
        report([...path, 'at'], xValues ? `at "${line.at}" is not a number: a scatter chart's lines stand at x values` : `at "${line.at}" is not one of ${labelsNamed(input)} (${input.labels.join(', ')})`);
        return [];
      }
      return [{ kind: 'category', from: position, to: position, ...common }];
    }
    if (line.from === undefined || line.to === undefined) {
      report(path, 'a band takes both from and to');
      return [];
    }
    if (line.from >= line.to) report([...path, 'from'], 'from must be less than to');
    return [{ kind: 'band', from: line.from, to: line.to, ...common }];
  });
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
    if (series.type !== undefined && input.type !== 'bar') report(['series', i, 'type'], `a series type (a combo chart) applies to bar charts only, not ${input.type}`);
    if (series.axis === 'right' && (isRadial(input) || input.type === 'waterfall')) report(['series', i, 'axis'], `axis: right does not apply to ${input.type} charts`);
  });
  if (isRadial(input) && input.series.some((s) => s.values.some((v) => v !== null && v < 0))) {
    report(['series'], `${input.type} charts cannot show negative values`);
  }
  if (input.horizontal && input.type !== 'bar' && input.type !== 'waterfall') report(['horizontal'], 'horizontal applies to bar and waterfall charts only');
  if (input.stacked !== false && input.type !== 'bar' && input.type !== 'area') report(['stacked'], 'stacked applies to bar and area charts only');
  if (input.type === 'waterfall') {
    if (input.series.length !== 1) report(['series'], `a waterfall has one series (its start and steps), not ${input.series.length}`);
    else if (input.series[0]!.values.some((v) => v === null)) report(['series', 0, 'values'], 'a waterfall has no gaps: give every step a value (0 for none)');
  } else if (input.total !== undefined) {
    report(['total'], 'total applies to waterfall charts only');
  }
  if (input.format === 'currency' && input.currency === undefined) report(['format'], 'format: currency needs currency: an ISO 4217 code such as USD or EUR');
  if (input.currency !== undefined && input.format !== 'currency' && input.format !== 'compact') report(['currency'], 'currency applies with format: currency or compact');
  if (input.steps === 'series' && input.series.length < 2) report(['steps'], 'steps: series builds up one series a step, and this chart has one: use steps: points', 'warning');
  if (input.min !== undefined && input.max !== undefined && input.min >= input.max) report(['min'], 'min must be less than max');
}

function resolveHighlight(input: ChartData, report: Report): number | null {
  if (input.highlight === undefined) return null;
  const index = typeof input.highlight === 'number' ? input.highlight : input.labels.indexOf(input.highlight);
  if (index < 0 || index >= input.labels.length) {
    report(['highlight'], `highlight "${input.highlight}" is not one of ${labelsNamed(input)} (or a valid index)`);
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
