// Hand-written, not chartjs-plugin-annotation: measured, that plugin alone would take the shipped deck past its total byte budget (README, Figures).
/**
 * Reference lines and bands (`lines:`): a line across the chart at a value, a band between two
 * values, or a line at a label of the category axis, each with its label. Bands are drawn behind
 * the bars, lines and labels over them. Loaded only by decks with such a chart (chart-registry.ts).
 */
import type { Chart, Plugin, Scale } from 'chart.js';
import type { ChartSpec } from '../../types.ts';
import type { ChartReferenceLine } from '../../compiler/chart/chart-schema.ts';
import { noteDrawnText } from './drawn-text.ts';

/** A reference line with the id of the scale its values are read on. */
export interface DrawnReferenceLine extends ChartReferenceLine {
  scaleId: string;
  /** A band's fill: its colour, translucent. */
  fill: string;
}

export interface ReferenceLineOptions {
  lines: DrawnReferenceLine[];
  /** Label text: the chart's text colour, so it follows light and dark slides. */
  textColor: string;
  font: string;
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType> {
    deckReferenceLines?: ReferenceLineOptions | false;
  }
}

export interface ChartAxisIds {
  /** The left (or only) value axis. */
  value: string;
  /** The second value axis, if the chart has one. */
  right: string | null;
  /** The axis of the labels (the x values in a scatter chart). */
  category: string;
}

/**
 * The spec's lines, each bound to the scale it is read on. `translucent` is the chart's own colour
 * helper (chart-style.ts), passed in so that this chunk shares no module with the draw chunk.
 */
export function referenceLineOptions(spec: ChartSpec, axes: ChartAxisIds, textColor: string, font: string, translucent: (colour: string) => string): ReferenceLineOptions {
  return {
    lines: spec.lines.map((line) => ({
      ...line,
      scaleId: line.kind === 'category' ? axes.category : line.axis === 'right' && axes.right ? axes.right : axes.value,
      fill: line.kind === 'band' ? translucent(line.color) : '',
    })),
    textColor,
    font,
  };
}

const LABEL_GAP = 6;

function drawBand(chart: Chart, scale: Scale, line: DrawnReferenceLine): void {
  const { ctx, chartArea: area } = chart;
  const a = scale.getPixelForValue(line.from);
  const b = scale.getPixelForValue(line.to);
  ctx.fillStyle = line.fill;
  if (scale.isHorizontal()) ctx.fillRect(Math.min(a, b), area.top, Math.abs(b - a), area.bottom - area.top);
  else ctx.fillRect(area.left, Math.min(a, b), area.right - area.left, Math.abs(b - a));
}

function drawLine(chart: Chart, scale: Scale, line: DrawnReferenceLine): void {
  const { ctx, chartArea: area } = chart;
  const at = scale.getPixelForValue(line.from);
  ctx.strokeStyle = line.color;
  ctx.lineWidth = 3;
  ctx.setLineDash([10, 6]);
  ctx.beginPath();
  if (scale.isHorizontal()) {
    ctx.moveTo(at, area.top);
    ctx.lineTo(at, area.bottom);
  } else {
    ctx.moveTo(area.left, at);
    ctx.lineTo(area.right, at);
  }
  ctx.stroke();
  ctx.setLineDash([]);
}

/** A line's label at its end (above a horizontal line, beside a vertical one); a band's in its corner. */
function drawLabel(chart: Chart, scale: Scale, line: DrawnReferenceLine): void {
  if (!line.label) return;
  const { ctx, chartArea: area } = chart;
  const band = line.kind === 'band';
  if (scale.isHorizontal()) {
    const at = scale.getPixelForValue(line.from);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText(line.label, at + LABEL_GAP, area.top + LABEL_GAP);
  } else {
    const at = scale.getPixelForValue(band ? line.to : line.from);
    ctx.textAlign = band ? 'left' : 'right';
    ctx.textBaseline = band ? 'top' : 'bottom';
    ctx.fillText(line.label, band ? area.left + LABEL_GAP : area.right - LABEL_GAP, band ? at + LABEL_GAP : at - LABEL_GAP);
  }
}

function eachLine(chart: Chart, options: ReferenceLineOptions | false | undefined, draw: (scale: Scale, line: DrawnReferenceLine) => void): void {
  // Registered for every chart once loaded: a chart without lines gets the plugin's empty defaults.
  if (!options || !Array.isArray(options.lines)) return;
  for (const line of options.lines) {
    const scale = chart.scales[line.scaleId];
    if (scale) draw(scale, line);
  }
}

export const referenceLinesPlugin: Plugin = {
  id: 'deckReferenceLines',
  beforeDatasetsDraw(chart: Chart, _args, pluginOptions) {
    chart.ctx.save();
    eachLine(chart, pluginOptions as ReferenceLineOptions | false, (scale, line) => line.kind === 'band' && drawBand(chart, scale, line));
    chart.ctx.restore();
  },
  afterDatasetsDraw(chart: Chart, _args, pluginOptions) {
    const options = pluginOptions as ReferenceLineOptions | false;
    if (!options || !Array.isArray(options.lines)) return;
    const { ctx } = chart;
    ctx.save();
    eachLine(chart, options, (scale, line) => line.kind !== 'band' && drawLine(chart, scale, line));
    ctx.font = options.font;
    ctx.fillStyle = options.textColor;
    eachLine(chart, options, (scale, line) => drawLabel(chart, scale, line));
    ctx.restore();
    // For `deck check`, which measures the text a canvas draws.
    const size = Number.parseFloat(/(\d+(?:\.\d+)?)px/.exec(options.font)?.[1] ?? '0');
    noteDrawnText(chart, options.lines.filter((line) => line.label).map((line) => ({ kind: 'line-label', text: line.label, size })));
  },
};
