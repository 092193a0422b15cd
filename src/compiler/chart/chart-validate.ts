/**
 * Turns a ```chart block's YAML into a ChartSpec, or into diagnostics that
 * point at the line of the offending key in the Markdown file.
 */
import type { ChartSpec, DeckSettings, Diagnostic } from '../../types.ts';
import { chartSchema, type ChartInput } from './chart-schema.ts';
import { decimalsOf, formatValue } from './format-number.ts';
import { parseYamlSource, type YamlSource } from '../settings/yaml-source.ts';

const CSS_COLOUR = /^(#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla)\([^)]*\))$/;

export interface ChartBlock {
  yaml: string;
  file: string;
  /** 1-based file line of the YAML's first line. */
  line: number;
  /** 1-based file line of the opening fence. */
  fenceLine: number;
  id: string;
}

type Path = readonly PropertyKey[];

export function validateChart(
  block: ChartBlock,
  settings: DeckSettings,
): { spec: ChartSpec | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (block.yaml.trim() === '') {
    return { spec: null, diagnostics: [error(block.file, block.fenceLine, 'chart block is empty: give type, title, labels, series and source')] };
  }
  const source = parseYamlSource(block.yaml, block.line);
  for (const e of source.errors) diagnostics.push(error(block.file, e.line, `invalid YAML in chart: ${e.message}`));
  if (source.errors.length) return { spec: null, diagnostics };

  const parsed = chartSchema.safeParse(source.value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          diagnostics.push(error(block.file, source.lineOf([...issue.path, key]), `unknown chart key "${[...issue.path, key].join('.')}"`));
        }
      } else {
        const where = issue.path.length ? issue.path.join('.') : 'chart';
        diagnostics.push(error(block.file, source.lineOf(issue.path), `${where}: ${issue.message}`));
      }
    }
    return { spec: null, diagnostics };
  }

  const input = parsed.data;
  const report = (path: Path, message: string) => diagnostics.push(error(block.file, source.lineOf(path), message));
  checkShape(input, report);
  const resolve = colourResolver(settings.palette, report);
  const highlight = resolveHighlight(input, report);
  const paletteCycle = Object.values(settings.palette);
  const colours = input.series.map((series, i) => ({
    color: series.color ? resolve(series.color, ['series', i, 'color']) : paletteCycle[i % paletteCycle.length]!,
    colors: series.colors?.map((c, j) => resolve(c, ['series', i, 'colors', j])),
  }));
  if (diagnostics.length) return { spec: null, diagnostics };

  const unit = input.unit ?? '';
  const decimals = input.decimals ?? decimalsOf(input.series.flatMap((s) => s.values));
  const spec: ChartSpec = {
    id: block.id,
    type: input.type,
    title: input.title,
    unit,
    lang: settings.lang,
    decimals,
    horizontal: input.horizontal ?? false,
    stacked: input.stacked ?? false,
    labels: input.labels,
    series: input.series.map((series, i) => ({
      name: series.name,
      values: series.values,
      color: colours[i]!.color,
      ...(colours[i]!.colors && { colors: colours[i]!.colors }),
      formatted: series.values.map((v) => formatValue(v, settings.lang, unit, decimals)),
    })),
    highlight,
    min: input.min ?? null,
    max: input.max ?? null,
    source: input.source,
    note: input.note ?? '',
    height: input.height ?? 440,
  };
  return { spec, diagnostics };
}

function checkShape(input: ChartInput, report: (path: Path, message: string) => void): void {
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
  if ((input.type === 'doughnut' || input.type === 'pie') && input.series.some((s) => s.values.some((v) => v !== null && v < 0))) {
    report(['series'], `${input.type} charts cannot show negative values`);
  }
  if ((input.horizontal || input.stacked) && input.type !== 'bar') {
    report([input.horizontal ? 'horizontal' : 'stacked'], `${input.horizontal ? 'horizontal' : 'stacked'} applies to bar charts only`);
  }
  if (input.min !== undefined && input.max !== undefined && input.min >= input.max) report(['min'], 'min must be less than max');
}

function resolveHighlight(input: ChartInput, report: (path: Path, message: string) => void): number | null {
  if (input.highlight === undefined) return null;
  const index = typeof input.highlight === 'number' ? input.highlight : input.labels.indexOf(input.highlight);
  if (index < 0 || index >= input.labels.length) {
    report(['highlight'], `highlight "${input.highlight}" is not one of the labels (or a valid index)`);
    return null;
  }
  return index;
}

function colourResolver(palette: Record<string, string>, report: (path: Path, message: string) => void) {
  return (name: string, path: Path): string => {
    const named = palette[name];
    if (named) return named;
    if (CSS_COLOUR.test(name)) return name;
    report(path, `unknown colour "${name}": use a palette name (${Object.keys(palette).join(', ')}) or a hex colour`);
    return '#000000';
  };
}

function error(file: string, line: number, message: string): Diagnostic {
  return { severity: 'error', code: 'chart', message, file, line };
}
