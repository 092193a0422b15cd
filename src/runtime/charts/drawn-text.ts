/**
 * Keeps on a drawn chart's canvas the text it drew in its last frame (`DRAWN_TEXT_PROPERTY`), so that
 * `deck check` can measure what is otherwise only pixels: the axes' and the legend's text from
 * Chart.js's resolved fonts, and what the deck's own plugins note as they draw (value labels).
 */
import type { Chart } from 'chart.js';
import { DRAWN_TEXT_PROPERTY, type DrawnChartText } from '../../page-contract.ts';

const noted = new WeakMap<Chart, DrawnChartText[]>();

/** A plugin that draws text notes it here, in every frame it draws. */
export function noteDrawnText(chart: Chart, texts: DrawnChartText[]): void {
  noted.set(chart, [...(noted.get(chart) ?? []), ...texts]);
}

/** At the end of a frame: the axes', the legend's and the noted text onto the canvas; the notes start afresh. */
export function recordDrawnText(chart: Chart): void {
  const texts: DrawnChartText[] = [];
  for (const scale of Object.values(chart.scales)) {
    const ticks = (scale.options as { ticks?: { display?: boolean } }).ticks;
    if (!scale.options.display || !ticks?.display) continue;
    const smallest = scale.getLabelItems().reduce<DrawnChartText | null>((found, item) => {
      const size = item.font.size;
      return found && found.size <= size ? found : { kind: 'axis', text: [item.label].flat().join(' '), size };
    }, null);
    if (smallest) texts.push(smallest);
  }
  const legend = chart.legend;
  const items = legend?.legendItems ?? [];
  if (legend?.options.display && items.length) {
    const size = Number((legend.options.labels.font as { size?: number } | undefined)?.size);
    if (Number.isFinite(size)) texts.push({ kind: 'legend', text: items[0]!.text, size });
  }
  texts.push(...(noted.get(chart) ?? []));
  noted.delete(chart);
  Object.assign(chart.canvas, { [DRAWN_TEXT_PROPERTY]: texts });
}
