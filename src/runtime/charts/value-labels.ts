/**
 * Draws each value, formatted for the deck language, directly on its bar,
 * point or segment, so charts need no legend or axis reading from afar.
 */
import type { Chart, Plugin } from 'chart.js';
import type { DrawnChartText } from '../../page-contract.ts';
import { noteDrawnText, recordDrawnText } from './drawn-text.ts';

export interface ValueLabelOptions {
  /** Formatted labels per dataset and point. */
  formatted: string[][];
  color: string;
  font: string;
  /** Per dataset: draw inside the element (stacked bars) instead of beyond its end. */
  inside: boolean[];
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType> {
    deckValueLabels?: ValueLabelOptions | false;
  }
}

interface Box {
  x: number;
  y: number;
  base: number;
  width: number;
  height: number;
}

const MIN_FONT_PX = 14;

function fontSize(font: string): number {
  return Number.parseFloat(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? '22');
}

function withFontSize(font: string, px: number): string {
  return font.replace(/\d+(?:\.\d+)?px/, `${px}px`);
}

/** Shrinks the font until the widest label fits the width each bar gets (vertical bars only). */
function fittedFont(chart: Chart, options: ValueLabelOptions, ctx: CanvasRenderingContext2D): string {
  // A stack of segments takes one bar's width; each other dataset its own.
  const barsPerCategory = Math.max(1, options.inside.filter((inside) => !inside).length + (options.inside.some(Boolean) ? 1 : 0));
  const slot = chart.chartArea.width / Math.max(1, chart.data.labels?.length ?? 1) / barsPerCategory;
  const widest = Math.max(...options.formatted.flat().map((text) => ctx.measureText(text).width));
  if (widest <= slot * 0.96) return options.font;
  return withFontSize(options.font, Math.max(MIN_FONT_PX, Math.floor((fontSize(options.font) * slot * 0.96) / widest)));
}

const LIGHT_TEXT = '#ffffff';
const DARK_TEXT = '#1b2430';

/** WCAG relative luminance of a colour the canvas has normalised (`#rrggbb` or `rgba(r, g, b, a)`), over white where translucent. */
function luminance(normalised: string): number {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(normalised);
  const parts = hex ? hex.slice(1).map((h) => Number.parseInt(h, 16)) : (normalised.match(/[\d.]+/g) ?? []).map(Number);
  const alpha = hex ? 1 : (parts[3] ?? 1);
  const [r, g, b] = [0, 1, 2].map((i) => {
    const c = ((parts[i] ?? 0) * alpha + 255 * (1 - alpha)) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** White or dark text, whichever contrasts more with the fill it is drawn on (a light palette colour needs dark text). */
function readableOn(ctx: CanvasRenderingContext2D, fill: unknown): string {
  if (typeof fill !== 'string') return LIGHT_TEXT;
  ctx.fillStyle = fill;
  const l = luminance(String(ctx.fillStyle));
  const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  return contrast(l, 1) >= contrast(l, luminance(DARK_TEXT)) ? LIGHT_TEXT : DARK_TEXT;
}

/** Whether `text` fits inside a stacked bar segment. */
function fitsInside(box: Box, horizontal: boolean, textWidth: number, px: number): boolean {
  const length = Math.abs((horizontal ? box.x : box.y) - box.base);
  const thickness = horizontal ? box.height : box.width;
  return horizontal ? length >= textWidth + 8 && thickness >= px : length >= px + 4 && thickness >= textWidth + 4;
}

/** Where a label beyond the element goes: its end, or a floating bar's (waterfall) upper or outer edge, whichever way it points. */
function outerEnd(props: { x: number; y: number; base?: number }, horizontal: boolean, floating: boolean): { x: number; y: number } {
  if (!floating || props.base === undefined) return props;
  return horizontal ? { x: Math.max(props.x, props.base), y: props.y } : { x: props.x, y: Math.min(props.y, props.base) };
}

export const valueLabels: Plugin = {
  id: 'deckValueLabels',
  afterDatasetsDraw(chart: Chart, _args, pluginOptions) {
    const options = pluginOptions as ValueLabelOptions | false;
    if (!options || !options.formatted) return;
    const { ctx } = chart;
    const horizontal = chart.options.indexAxis === 'y';
    const type = (chart.config as { type?: string }).type;
    const radial = type === 'doughnut' || type === 'pie';
    ctx.save();
    ctx.font = options.font;
    if (!radial && !horizontal) ctx.font = fittedFont(chart, options, ctx);
    const px = fontSize(ctx.font);
    const drawn: DrawnChartText[] = [];

    chart.data.datasets.forEach((_dataset, d) => {
      const meta = chart.getDatasetMeta(d);
      if (meta.hidden) return;
      meta.data.forEach((element, i) => {
        const text = options.formatted[d]?.[i];
        if (!text) return;
        const inside = options.inside[d] === true || radial;
        if (inside && !radial) {
          // A label that does not fit its stacked segment is left out (the table and tooltip keep it).
          const box = element.getProps(['x', 'y', 'base', 'width', 'height'], true) as unknown as Box;
          if (!fitsInside(box, horizontal, ctx.measureText(text).width, px)) return;
        }
        const { x, y } = radial
          ? element.tooltipPosition(true)
          : inside
            ? (element as unknown as { getCenterPoint(final: boolean): { x: number; y: number } }).getCenterPoint(true)
            : outerEnd(element.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base?: number }, horizontal, Array.isArray(chart.data.datasets[d]!.data[i]));
        ctx.fillStyle = inside ? readableOn(ctx, (element.options as { backgroundColor?: unknown }).backgroundColor) : options.color;
        ctx.textAlign = inside || !horizontal ? 'center' : 'left';
        ctx.textBaseline = inside || horizontal ? 'middle' : 'bottom';
        const dx = !inside && horizontal ? 10 : 0;
        const dy = !inside && !horizontal ? -8 : 0;
        ctx.fillText(text, (x ?? 0) + dx, (y ?? 0) + dy);
        const of = `${chart.data.labels?.[i] ?? i + 1}, ${chart.data.datasets[d]?.label ?? d + 1}`;
        drawn.push({ kind: 'value-label', text, size: px, placed: { font: ctx.font, x: (x ?? 0) + dx, y: (y ?? 0) + dy, align: ctx.textAlign, baseline: ctx.textBaseline, of } });
      });
    });
    ctx.restore();
    noteDrawnText(chart, drawn);
  },
  // Kept for `deck check`: what the chart drew as text, once the frame is complete.
  afterDraw: recordDrawnText,
};
