/**
 * The markup of a chart: a figure with the drawing area, a caption naming the
 * source, the data as a real (visually hidden) table, and the spec as JSON for
 * the runtime. Every author string is escaped: chart text is never markup.
 */
import type { ChartSpec } from '../../types.ts';
import { escapeHtml, jsonForScript } from '../html/escape-html.ts';
import { stringsFor } from '../../strings/strings.ts';
import { CHART_STEP_CLASS } from '../../page-contract.ts';

export function sourceLabel(lang: string): string {
  return stringsFor(lang).chartSource;
}

/** A short text alternative for the canvas: title and every value. */
export function chartSummary(spec: ChartSpec): string {
  const parts = spec.series.map((series) => {
    const points = spec.labels.map((label, i) => `${label}: ${series.formatted[i] || '–'}`).join(', ');
    return spec.series.length > 1 ? `${series.name}: ${points}` : points;
  });
  return `${spec.title}. ${parts.join('; ')}`;
}

function dataTable(spec: ChartSpec): string {
  const e = escapeHtml;
  const head = `<tr><th scope="col"></th>${spec.series.map((s) => `<th scope="col">${e(s.name)}</th>`).join('')}</tr>`;
  const rows = spec.labels
    .map((label, i) => `<tr><th scope="row">${e(label)}</th>${spec.series.map((s) => `<td>${e(s.formatted[i] || '–')}</td>`).join('')}</tr>`)
    .join('');
  return `<table class="deck-chart-data"><caption>${e(spec.title)}</caption><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}

/**
 * One empty reveal.js fragment per build-up step: reveal.js's own navigation (keys, clicker, jumps,
 * the speaker view's previews, the print view's fragment pages) then drives the steps, and the page
 * draws as many as are visible. Hidden: they take no room and say nothing.
 */
function stepMarkers(spec: ChartSpec): string {
  return `<span class="fragment ${CHART_STEP_CLASS}" hidden></span>`.repeat(spec.stepCount);
}

export function renderChart(spec: ChartSpec): string {
  const e = escapeHtml;
  const note = spec.note ? ` <span class="deck-chart-note">${e(spec.note)}</span>` : '';
  return (
    `<figure class="deck-chart deck-chart-${spec.type}" id="${e(spec.id)}" data-chart-id="${e(spec.id)}">` +
    `<div class="deck-chart-title" aria-hidden="true">${e(spec.title)}</div>` +
    `<div class="deck-chart-canvas" style="height:${spec.height}px"><canvas role="img" aria-label="${e(chartSummary(spec))}"></canvas></div>` +
    `<figcaption><span class="deck-chart-source">${sourceLabel(spec.lang)}: ${e(spec.source)}</span>${note}</figcaption>` +
    dataTable(spec) +
    stepMarkers(spec) +
    `<script type="application/json" class="deck-chart-spec">${jsonForScript(spec)}</script>` +
    `</figure>\n`
  );
}
