/**
 * Runs inside the page (self-contained, for `page.evaluate`): finds visible
 * text of the current slide set smaller than the minimum size, measured at
 * slide scale (the deck's own pixels, so the window size does not matter; CSS
 * transforms such as a `shrink` fragment count). One finding per source line.
 */
import type { PageNames } from '../../page-contract.ts';
import type { PageFinding } from '../page-finding.ts';

export interface TextSizeProbeOptions {
  /** Smallest acceptable text size in slide pixels. */
  minFontSize: number;
  names: PageNames;
}

export function probeTextSize(options: TextSizeProbeOptions): PageFinding[] {
  const section = window.Reveal.getCurrentSlide() as HTMLElement;
  const slideScale = section.getBoundingClientRect().width / section.offsetWidth || 1;
  const smallest = new Map<number | null, { size: number; text: string }>();
  // Visually hidden helpers (the chart's data table sits in a clipped 1×1 px box) are for screen readers.
  const visuallyHidden = (element: Element): boolean => {
    for (let at: Element | null = element; at && at !== section; at = at.parentElement) {
      const box = at.getBoundingClientRect();
      if (box.width > 1 && box.height > 1) continue;
      const style = getComputedStyle(at);
      if (style.overflowX !== 'visible' || style.clipPath !== 'none' || style.clip.startsWith('rect')) return true;
    }
    return false;
  };
  const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Zero-width characters are no visible text (KaTeX's layout struts hold a zero-width space at 2 px).
    const text = node.textContent!.replace(/[\u200b-\u200d\u2060]/g, '').replace(/\s+/g, ' ').trim();
    const parent = node.parentElement;
    if (!text || !parent || parent.closest(`${options.names.notes}, script, style, template, noscript`)) continue;
    const style = getComputedStyle(parent);
    if (style.visibility !== 'visible' || !parent.checkVisibility({ opacityProperty: true })) continue;
    if (visuallyHidden(parent)) continue;
    const box = parent.getBoundingClientRect();
    // A transform (e.g. a `shrink` fragment) or an SVG viewBox scales the text beyond its computed size.
    let transformScale = 1;
    if (parent instanceof SVGGraphicsElement) {
      const matrix = parent.getScreenCTM();
      if (matrix) transformScale = Math.hypot(matrix.a, matrix.b) / slideScale;
    } else if (parent instanceof HTMLElement && parent.offsetWidth >= 50) {
      transformScale = box.width / parent.offsetWidth / slideScale;
    }
    const size = parseFloat(style.fontSize) * transformScale;
    if (size >= options.minFontSize - 0.25) continue;
    const marked = parent.closest(`[${options.names.line}]`);
    const line = marked && section.contains(marked) ? Number(marked.getAttribute(options.names.line)) : null;
    const seen = smallest.get(line);
    if (!seen || size < seen.size) smallest.set(line, { size, text });
  }
  return [...smallest].map(([line, { size, text }]) => ({
    code: 'text-size',
    severity: 'error',
    message: `text is ${Math.round(size * 10) / 10} px, smaller than the minimum ${options.minFontSize} px ("${text.length > 40 ? `${text.slice(0, 40)}…` : text}")`,
    line,
  }));
}
