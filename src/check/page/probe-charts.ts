/**
 * Runs inside the page (self-contained, for `page.evaluate`): the charts of
 * the current slide that are not drawn. The runtime marks a chart's figure
 * `data-drawn` once its pixels are on the canvas, `data-drawn="error"` when
 * drawing failed.
 */
import type { PageFinding } from '../page-finding.ts';

/** True once every chart of the current slide has settled (drawn or failed). */
export function chartsSettled(): boolean {
  const section = window.Reveal.getCurrentSlide();
  return Array.from(section.querySelectorAll('figure.deck-chart')).every((figure) => figure.hasAttribute('data-drawn'));
}

export function probeCharts(options: { waitedMs: number }): PageFinding[] {
  const section = window.Reveal.getCurrentSlide();
  return Array.from(section.querySelectorAll('figure.deck-chart'))
    .filter((figure) => figure.getAttribute('data-drawn') !== '')
    .map((figure) => {
      const title = figure.querySelector('.deck-chart-title')?.textContent?.trim() || figure.id || 'chart';
      const failed = figure.getAttribute('data-drawn') === 'error';
      const reason = figure.querySelector('.deck-chart-error')?.textContent?.trim();
      const marked = figure.closest('[data-line]');
      return {
        code: 'chart-not-drawn',
        severity: 'error' as const,
        message: failed
          ? `chart "${title}" failed to draw${reason ? `: ${reason}` : ''}`
          : `chart "${title}" was not drawn within ${options.waitedMs} ms of showing its slide`,
        line: marked && section.contains(marked) ? Number(marked.getAttribute('data-line')) : null,
      };
    });
}
