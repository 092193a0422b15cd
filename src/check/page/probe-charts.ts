/**
 * Runs inside the page (self-contained, for `page.evaluate`): the charts of
 * the current slide that are not drawn. The runtime marks a chart's figure
 * `data-drawn` once its pixels are on the canvas, `data-drawn="error"` when
 * drawing failed.
 */
import type { PageNames } from '../../page-contract.ts';
import type { PageFinding } from '../page-finding.ts';

/** True once every chart of the current slide has settled (drawn or failed). */
export function chartsSettled(names: PageNames): boolean {
  const section = window.Reveal.getCurrentSlide();
  return Array.from(section.querySelectorAll(names.chart)).every((figure) => figure.hasAttribute(names.drawn));
}

export function probeCharts({ waitedMs, names }: { waitedMs: number; names: PageNames }): PageFinding[] {
  const section = window.Reveal.getCurrentSlide();
  return Array.from(section.querySelectorAll(names.chart))
    .filter((figure) => figure.getAttribute(names.drawn) !== '')
    .map((figure) => {
      const title = figure.querySelector('.deck-chart-title')?.textContent?.trim() || figure.id || 'chart';
      const failed = figure.getAttribute(names.drawn) === names.drawnError;
      const reason = figure.querySelector('.deck-chart-error')?.textContent?.trim();
      const marked = figure.closest(`[${names.line}]`);
      return {
        code: 'chart-not-drawn',
        severity: 'error' as const,
        message: failed
          ? `chart "${title}" failed to draw${reason ? `: ${reason}` : ''}`
          : `chart "${title}" was not drawn within ${waitedMs} ms of showing its slide`,
        line: marked && section.contains(marked) ? Number(marked.getAttribute(names.line)) : null,
      };
    });
}
