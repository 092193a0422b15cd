/**
 * Draws each value, formatted for the deck language, directly on its bar,
 * point or segment, so charts need no legend or axis reading from afar.
 */
import type { Chart, Plugin } from 'chart.js';

export interface ValueLabelOptions {
  /** Formatted labels per dataset and point. */
  formatted: string[][];
  color: string;
  font: string;
  /** Draw inside the element (stacked bars, segments) instead of beyond its end. */
  inside: boolean;
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType> {
    deckValueLabels?: ValueLabelOptions | false;
  }
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
    // Shrink the labels until the widest fits its bar's slot (never below 14 px).
    if (!radial && !horizontal) {
      const slot = chart.chartArea.width / Math.max(1, chart.data.labels?.length ?? 1) / Math.max(1, chart.data.datasets.length);
      const widest = Math.max(...options.formatted.flat().map((text) => ctx.measureText(text).width));
      const size = Number.parseFloat(/(\d+(\.\d+)?)px/.exec(options.font)?.[1] ?? '22');
      if (widest > slot * 0.96) ctx.font = options.font.replace(/\d+(\.\d+)?px/, `${Math.max(14, Math.floor((size * slot * 0.96) / widest))}px`);
    }
    chart.data.datasets.forEach((_dataset, d) => {
      const meta = chart.getDatasetMeta(d);
      if (meta.hidden) return;
      meta.data.forEach((element, i) => {
        const text = options.formatted[d]?.[i];
        if (!text) return;
        const inside = options.inside || radial;
        const { x, y } = inside ? element.tooltipPosition(true) : element.getProps(['x', 'y'], true);
        ctx.fillStyle = inside ? '#ffffff' : options.color;
        ctx.textAlign = inside ? 'center' : horizontal ? 'left' : 'center';
        ctx.textBaseline = inside ? 'middle' : horizontal ? 'middle' : 'bottom';
        const dx = !inside && horizontal ? 10 : 0;
        const dy = !inside && !horizontal ? -8 : 0;
        ctx.fillText(text, (x as number) + dx, (y as number) + dy);
      });
    });
    ctx.restore();
  },
};
