/**
 * Build-up steps (`steps: series | points`): a chart shows its first series or point with its slide
 * and one more for each visible step marker in its figure, the empty reveal.js fragments the compiler
 * adds (chart-html.ts). reveal.js decides which fragments are visible on every path (keys, clicker,
 * jumps, the speaker view's previews, the print view's fragment pages), so the chart only reads that
 * count and shows exactly that state: a jump shows it at once, without replaying earlier steps.
 *
 * A step is expressed in the chart's data: a series not yet shown has no points, and a point not yet
 * shown is not in the data. Chart.js then animates only the points that are new; series keep their
 * place beside each other and in the legend. The value axes are fixed to the complete chart's, so the
 * bars already shown do not move. A pie built up by slices keeps all of them, so each keeps its share
 * of the circle and the pie its place: those still to come are transparent, without label or tooltip.
 */
import type { Chart, TooltipItem } from 'chart.js';
import { color } from 'chart.js/helpers';
import { CHART_STEP_CLASS, DRAWN_ATTRIBUTE } from '../../page-contract.ts';
import type { ChartSpec } from '../../types.ts';

/** reveal.js's class on a fragment that is shown. */
const REVEAL_VISIBLE_CLASS = 'visible';

export type StepKind = NonNullable<ChartSpec['steps']>;

export interface ChartSteps {
  /** Shows as many steps as the figure's visible markers say; nothing happens when that is what is shown. */
  sync(): void;
}

/** The steps the figure shows: its visible step markers. */
function shownSteps(figure: ParentNode): number {
  return figure.querySelectorAll(`.${CHART_STEP_CLASS}.${REVEAL_VISIBLE_CLASS}`).length;
}

/** The complete data of series `index` cut to what `steps` shows. */
export function stepData<T>(data: readonly T[], kind: StepKind, index: number, steps: number): T[] {
  if (kind === 'series') return index <= steps ? data.slice() : [];
  return data.slice(0, steps + 1);
}

/** Fixes every value axis (all but category axes) at the range Chart.js found for the complete data. */
function fixValueAxes(chart: Chart): void {
  for (const scale of Object.values(chart.scales)) {
    if (scale.type === 'category') continue;
    const options = chart.options.scales?.[scale.id];
    if (!options) continue;
    // The range found already holds the grace; adding it again would widen the axis.
    Object.assign(options, { min: scale.min, max: scale.max, grace: 0 });
  }
}

/**
 * A pie's legend names every slice in its own colour from the start, as the series of other charts
 * stay in their legend: Chart.js takes the colour of a legend entry from its slice, transparent until shown.
 */
function keepCompleteLegend(chart: Chart): void {
  const labels = chart.options.plugins?.legend?.labels;
  if (!labels?.generateLabels) return;
  const complete = labels.generateLabels(chart);
  labels.generateLabels = (current) => complete.map((item) => ({ ...item, hidden: item.index !== undefined && !current.getDataVisibility(item.index) }));
}

/** One value per slice: a dataset option given as one value for all, or as a list. */
const perSlice = (value: unknown, count: number): unknown[] => (Array.isArray(value) ? [...value] : Array.from({ length: count }, () => value));

/** A colour made transparent, so a slice fades in from nothing rather than from black. */
function transparent(colour: unknown): unknown {
  if (typeof colour !== 'string') return colour;
  const parsed = color(colour);
  return parsed.valid ? parsed.alpha(0).rgbString() : 'transparent';
}

/** Shows a step of the data: later series empty, later points cut off. */
function dataSteps(chart: Chart, kind: StepKind): (steps: number) => void {
  const complete = chart.data.datasets.map((dataset) => dataset.data.slice());
  return (steps) =>
    chart.data.datasets.forEach((dataset, index) => {
      dataset.data = stepData(complete[index] ?? [], kind, index, steps);
    });
}

/** Shows a step of a pie built up by slices: the slices still to come transparent, without value label or tooltip. */
function sliceSteps(chart: Chart): (steps: number) => void {
  const count = chart.data.labels?.length ?? 0;
  const colours = chart.data.datasets.map((dataset) => ({
    background: perSlice(dataset.backgroundColor, count),
    border: perSlice(dataset.borderColor, count),
  }));
  const valueLabels = chart.options.plugins?.deckValueLabels || null;
  const labels = valueLabels?.formatted?.map((row) => row.slice()) ?? null;
  let shown = 0;
  const tooltip = chart.options.plugins?.tooltip;
  if (tooltip) tooltip.filter = (item: TooltipItem<'pie'>) => item.dataIndex <= shown;
  return (steps) => {
    shown = steps;
    const visible = <T>(list: T[], hidden: (value: T) => T) => list.map((value, i) => (i <= steps ? value : hidden(value)));
    chart.data.datasets.forEach((dataset, index) => {
      const { background, border } = colours[index]!;
      Object.assign(dataset, { backgroundColor: visible(background, transparent), borderColor: visible(border, transparent) });
    });
    if (valueLabels && labels) valueLabels.formatted = labels.map((row) => visible(row, () => ''));
  };
}

/**
 * Takes over the steps of a chart that Chart.js has just laid out with its complete data (so the
 * value axes are known) and shows the figure's current step at once, within the same task: the
 * complete chart is never painted.
 */
export function chartSteps(chart: Chart, figure: HTMLElement, kind: StepKind): ChartSteps {
  const type = (chart.config as { type?: string }).type;
  const slices = (type === 'doughnut' || type === 'pie') && kind === 'points';
  if (slices) keepCompleteLegend(chart);
  else fixValueAxes(chart);
  const show = slices ? sliceSteps(chart) : dataSteps(chart, kind);
  let shown: number | null = null;

  function sync(): void {
    const steps = shownSteps(figure);
    if (steps === shown) return;
    const first = shown === null;
    const backwards = shown !== null && steps < shown;
    shown = steps;
    show(steps);
    // `data-drawn` says the current step's pixels are complete: an animated step sets it again
    // when its animation ends (the chart's onComplete), a step without animation is drawn now.
    if (!first && chart.options.animation !== false) figure.removeAttribute(DRAWN_ATTRIBUTE);
    if (!backwards) {
      chart.update();
      return;
    }
    // A step back takes points away at once. Chart.js finds the series on top of each stack (the one
    // with rounded corners) before it takes out a later series' points; a second pass finds it anew.
    chart.update('none');
    if (kind === 'series') chart.update('none');
  }

  sync();
  return { sync };
}
