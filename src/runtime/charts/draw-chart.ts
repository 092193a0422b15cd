/**
 * Draws one chart into its figure; loaded on first need, so Chart.js is not
 * part of the first-slide bundle. Resolves once the pixels are on the canvas
 * (after the animation) and marks the figure `data-drawn`.
 */
import type { ChartSpec } from '../../types.ts';
import { DRAWN_ATTRIBUTE } from '../../page-contract.ts';
import { Chart, chartExtras } from './chart-registry.ts';
import { chartConfig } from './chart-config.ts';
import { chartStyle } from './chart-style.ts';
import { exposeChartValues } from './chart-values.ts';
import { chartSteps } from './chart-steps.ts';

export interface DrawnChart {
  drawn: Promise<void>;
  /** Shows the build-up step the figure's visible fragments ask for (chart-steps.ts). */
  syncSteps(): void;
  destroy(): void;
}

export interface DrawOptions {
  animate: boolean;
  /** Canvas pixels per CSS pixel; ≥ 2 for print. */
  pixelRatio?: number;
}

export { loadChartParts } from './chart-registry.ts';
exposeChartValues(Chart);

/** Draws `spec`; its parts must be loaded (`loadChartParts`). */
export function drawChart(figure: HTMLElement, spec: ChartSpec, options: DrawOptions): DrawnChart {
  const canvas = figure.querySelector('canvas');
  if (!canvas) throw new Error(`chart ${spec.id} has no canvas`);
  let resolveDrawn!: () => void;
  const drawn = new Promise<void>((resolve) => (resolveDrawn = resolve));
  const markDrawn = () => {
    figure.setAttribute(DRAWN_ATTRIBUTE, '');
    resolveDrawn();
  };
  const config = chartConfig(spec, chartStyle(figure), chartExtras(spec), options.animate, markDrawn);
  if (options.pixelRatio) config.options = { ...config.options, devicePixelRatio: options.pixelRatio };
  const chart = new Chart(canvas, config);
  const steps = spec.steps && spec.stepCount > 0 ? chartSteps(chart, figure, spec.steps) : null;
  // Without animation the first render is synchronous: the pixels are there now.
  if (!options.animate) markDrawn();
  return {
    drawn,
    syncSteps: () => steps?.sync(),
    destroy() {
      chart.destroy();
      figure.removeAttribute(DRAWN_ATTRIBUTE);
      resolveDrawn();
    },
  };
}
