/**
 * Runs inside the page (self-contained, for `page.evaluate`): the text the current slide's drawn
 * charts put on their canvases, which the runtime keeps on each canvas (`DrawnChartText`). Finds
 * text smaller than the minimum size at slide scale (axes, legend, value labels, reference-line
 * labels; the same minimum as the DOM text) and value labels that overlap each other.
 */
import type { DrawnChartText, PageNames } from '../../page-contract.ts';
import type { PageFinding } from '../page-finding.ts';

export interface ChartTextProbeOptions {
  /** Smallest acceptable text size in slide pixels. */
  minFontSize: number;
  names: PageNames;
}

export async function probeChartText(options: ChartTextProbeOptions): Promise<PageFinding[]> {
  // The frame that follows the last fragment shown or the last resize is the one whose text was kept.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const { names, minFontSize } = options;
  const section = window.Reveal.getCurrentSlide() as HTMLElement;
  const slideScale = section.getBoundingClientRect().width / section.offsetWidth || 1;
  const measuring = document.createElement('canvas').getContext('2d')!;
  const KINDS: Record<DrawnChartText['kind'], string> = { 'value-label': 'value labels', axis: 'axis labels', legend: 'legend', 'line-label': 'line labels' };
  // Glyphs that share less than this (slide pixels) in both directions only touch.
  const TOUCHING = 0.5;
  const quote = (text: string) => `"${text.length > 30 ? `${text.slice(0, 30)}…` : text}"`;
  const findings: PageFinding[] = [];

  for (const figure of Array.from(section.querySelectorAll<HTMLElement>(names.chart))) {
    const canvas = figure.querySelector('canvas');
    const texts = (canvas as unknown as Record<string, DrawnChartText[] | undefined> | null)?.[names.drawnText];
    if (figure.getAttribute(names.drawn) !== '' || !canvas || !texts || !canvas.offsetWidth) continue;
    if (!canvas.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const scale = canvas.getBoundingClientRect().width / canvas.offsetWidth / slideScale;
    const title = figure.querySelector('.deck-chart-title')?.textContent?.trim() || figure.id || 'chart';
    const marked = figure.closest(`[${names.line}]`);
    const line = marked && section.contains(marked) ? Number(marked.getAttribute(names.line)) : null;

    const smallest = new Map<string, { size: number; text: string }>();
    for (const text of texts) {
      const size = text.size * scale;
      const seen = smallest.get(text.kind);
      if (size < minFontSize - 0.25 && (!seen || size < seen.size)) smallest.set(text.kind, { size, text: text.text });
    }
    if (smallest.size) {
      const parts = [...smallest].map(([kind, { size, text }]) => `${KINDS[kind as DrawnChartText['kind']]} ${Math.round(size * 10) / 10} px (${quote(text)})`);
      findings.push({ code: 'chart-text-size', severity: 'error', message: `chart "${title}": text smaller than the minimum ${minFontSize} px: ${parts.join(', ')}`, line });
    }

    // Each value label's ink, in slide pixels, left to right.
    const boxes = texts
      .flatMap((text) => (text.kind === 'value-label' && text.placed ? [{ text: text.text, placed: text.placed }] : []))
      .map(({ text, placed }) => {
        measuring.font = placed.font;
        measuring.textAlign = placed.align;
        measuring.textBaseline = placed.baseline;
        const metrics = measuring.measureText(text);
        return {
          text,
          of: placed.of,
          left: (placed.x - metrics.actualBoundingBoxLeft) * scale,
          right: (placed.x + metrics.actualBoundingBoxRight) * scale,
          top: (placed.y - metrics.actualBoundingBoxAscent) * scale,
          bottom: (placed.y + metrics.actualBoundingBoxDescent) * scale,
        };
      })
      .sort((a, b) => a.left - b.left);
    // Every overlapping pair is counted; the one that overlaps most is named.
    let pairs = 0;
    let worst: { area: number; a: (typeof boxes)[number]; b: (typeof boxes)[number] } | null = null;
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i]!;
      for (let j = i + 1; j < boxes.length && boxes[j]!.left < a.right - TOUCHING; j++) {
        const b = boxes[j]!;
        const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (height <= TOUCHING) continue;
        pairs++;
        const area = height * (Math.min(a.right, b.right) - b.left);
        if (!worst || area > worst.area) worst = { area, a, b };
      }
    }
    if (worst) {
      const { a, b } = worst;
      findings.push({
        code: 'chart-label-overlap',
        severity: 'error',
        message: `chart "${title}": value labels ${quote(a.text)} (${a.of}) and ${quote(b.text)} (${b.of}) overlap${pairs > 1 ? `, ${pairs} pairs in all` : ''}: show fewer points, or give the chart more room`,
        line,
      });
    }
  }
  return findings;
}
