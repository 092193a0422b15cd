/**
 * Runs inside the page (passed to `page.evaluate`, so it must not use anything
 * from outside its own body): finds content of the current slide that lies
 * outside the slide box (`overflow`) and content cut off or scrolled away by a
 * box with `overflow` other than `visible`, such as a code block that scrolls
 * (`clipped`), and content that runs into the theme's logo or footer, which sit in the slide's margins,
 * or out of its Markdown column over the next one (`overflow` too). Sizes are reported in slide pixels (the deck's own 1280×720).
 */
import type { PageNames } from '../../page-contract.ts';
import type { PageFinding } from '../page-finding.ts';

export interface LayoutProbeOptions {
  /** Slide pixels of overflow that are tolerated (sub-pixel rounding). */
  tolerance: number;
  names: PageNames;
}

export function probeLayout(options: LayoutProbeOptions): PageFinding[] {
  const section = window.Reveal.getCurrentSlide() as HTMLElement;
  const slide = section.getBoundingClientRect();
  const scale = slide.width / section.offsetWidth || 1;
  const lineOf = (node: Node): number | null => {
    const element = node instanceof Element ? node : node.parentElement;
    const marked = element?.closest(`[${options.names.line}]`);
    return marked && section.contains(marked) ? Number(marked.getAttribute(options.names.line)) : null;
  };
  const edges = ['top', 'right', 'bottom', 'left'] as const;
  type Edge = (typeof edges)[number];
  const worst = new Map<Edge, { amount: number; line: number | null }>();
  const findings: PageFinding[] = [];
  const chrome = Array.from(section.querySelectorAll<HTMLElement>(options.names.themeChrome))
    .filter((element) => getComputedStyle(element).display !== 'none')
    .map((element) => ({ element, box: element.getBoundingClientRect(), name: element.tagName === 'IMG' ? 'logo' : 'footer' }));
  const intoChrome = new Map<string, { amount: number; line: number | null }>();
  // Columns never wrap: content wider than its column runs over the one beside it.
  const outOfColumn = new Map<'left' | 'right', { amount: number; line: number | null }>();
  const columnOf = (node: Node) => {
    const column = (node instanceof Element ? node : node.parentElement)?.closest(options.names.column);
    return column && section.contains(column) ? column.getBoundingClientRect() : null;
  };

  /** `placed`: inside an element positioned out of the flow (a layout's half-slide image): placed over the margins on purpose. */
  const measure = (box: DOMRect, node: Node, placed: boolean) => {
    if (box.width === 0 && box.height === 0) return;
    for (const mark of chrome) {
      if (placed || mark.element.contains(node)) continue;
      const across = Math.min(box.right, mark.box.right) - Math.max(box.left, mark.box.left);
      const down = (Math.min(box.bottom, mark.box.bottom) - Math.max(box.top, mark.box.top)) / scale;
      if (across <= 0 || down <= options.tolerance) continue;
      const line = lineOf(node);
      const seen = intoChrome.get(mark.name);
      intoChrome.set(mark.name, { amount: Math.max(seen?.amount ?? 0, down), line: seen && seen.line !== null && (line === null || seen.line < line) ? seen.line : line });
    }
    const column = columnOf(node);
    if (column) {
      for (const [side, amount] of [['left', (column.left - box.left) / scale], ['right', (box.right - column.right) / scale]] as const) {
        if (amount <= options.tolerance) continue;
        const line = lineOf(node);
        const seen = outOfColumn.get(side);
        outOfColumn.set(side, { amount: Math.max(seen?.amount ?? 0, amount), line: seen && seen.line !== null && (line === null || seen.line < line) ? seen.line : line });
      }
    }
    const beyond: Record<Edge, number> = {
      top: (slide.top - box.top) / scale,
      right: (box.right - slide.right) / scale,
      bottom: (box.bottom - slide.bottom) / scale,
      left: (slide.left - box.left) / scale,
    };
    for (const edge of edges) {
      if (beyond[edge] <= options.tolerance) continue;
      const line = lineOf(node);
      const seen = worst.get(edge);
      // The amount is the largest overflow; the line is the first (topmost) content that crosses the edge.
      if (!seen) worst.set(edge, { amount: beyond[edge], line });
      else worst.set(edge, { amount: Math.max(seen.amount, beyond[edge]), line: seen.line === null || (line !== null && line < seen.line) ? line : seen.line });
    }
  };

  /**
   * A text rect is its font's content area (ascent to descent); with a line height below that (reveal.js's
   * themes: 1.2 with fonts of ~1.25 em) the excess lies outside the line box, where layout puts nothing and
   * glyphs rarely reach: a heading at the slide's top edge is not overflow. The line box is measured instead.
   */
  const lineBox = (rect: DOMRect, lineHeight: number): DOMRect => {
    const excess = (rect.height - lineHeight) / 2;
    return excess > 0 ? new DOMRect(rect.x, rect.y + excess, rect.width, rect.height - 2 * excess) : rect;
  };

  const REPLACED = new Set(['IMG', 'CANVAS', 'SVG', 'VIDEO', 'IFRAME', 'OBJECT', 'EMBED', 'INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'svg']);
  const clips = (style: CSSStyleDeclaration) => style.overflowX !== 'visible' || style.overflowY !== 'visible';
  const decorated = (style: CSSStyleDeclaration) =>
    style.backgroundImage !== 'none' || !/rgba\(0, 0, 0, 0\)|transparent/.test(style.backgroundColor) || parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth) + parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth) > 0;

  const visit = (element: Element, insideClip: boolean, outOfFlow: boolean) => {
    if (element.matches(`${options.names.notes}, script, style, template, noscript`)) return;
    const style = getComputedStyle(element);
    if (style.display === 'none') return;
    const box = element.getBoundingClientRect();
    const clipping = clips(style) || style.clipPath !== 'none' || style.clip.startsWith('rect');
    // Visually hidden helpers (the chart's data table): 1×1 px and clipped, never seen.
    if (clipping && box.width <= 1 && box.height <= 1) return;
    const shown = style.visibility === 'visible' && parseFloat(style.opacity) > 0;

    const placed = outOfFlow || style.position === 'absolute' || style.position === 'fixed';
    if (!insideClip && shown && (REPLACED.has(element.tagName) || decorated(style))) measure(box, element, placed);
    if (shown && clips(style) && element instanceof HTMLElement) {
      const hiddenY = style.overflowY !== 'visible' ? element.scrollHeight - element.clientHeight : 0;
      const hiddenX = style.overflowX !== 'visible' ? element.scrollWidth - element.clientWidth : 0;
      if (hiddenY > 1 || hiddenX > 1) {
        const scrolls = /auto|scroll/.test(style.overflowY + style.overflowX);
        const what = element.matches('pre, pre *') ? 'code block' : `<${element.tagName.toLowerCase()}>`;
        const parts = [hiddenY > 1 && `${Math.round(hiddenY)} px of ${element.scrollHeight} px in height`, hiddenX > 1 && `${Math.round(hiddenX)} px of ${element.scrollWidth} px in width`].filter(Boolean);
        findings.push({
          code: 'clipped',
          severity: 'error',
          message: `${what} ${scrolls ? 'scrolls' : 'cuts off its content'}: ${parts.join(' and ')} not visible; shorten it or split the slide`,
          line: lineOf(element),
        });
      }
    }
    for (const child of Array.from(element.childNodes)) {
      if (child instanceof Element) visit(child, insideClip || clips(style), placed);
      else if (child.nodeType === Node.TEXT_NODE && !insideClip && !clips(style) && shown && child.textContent!.trim() !== '') {
        const range = document.createRange();
        range.selectNodeContents(child);
        // `normal` line height (NaN here) is the content area itself.
        const lineHeight = parseFloat(style.lineHeight) * scale;
        for (const rect of Array.from(range.getClientRects())) measure(lineBox(rect, lineHeight), child, placed);
      }
    }
  };
  for (const child of Array.from(section.children)) visit(child, false, false);

  for (const [name, { amount, line }] of intoChrome) {
    findings.push({
      code: 'overflow',
      severity: 'error',
      message: `content runs into the theme's ${name} by ${Math.round(amount)} px: shorten it, shrink it or split the slide`,
      line,
      key: `overflow:${name}`,
    });
  }
  for (const [side, { amount, line }] of outOfColumn) {
    findings.push({
      code: 'overflow',
      severity: 'error',
      message: `content overflows its column at the ${side} by ${Math.round(amount)} px, over the column beside it: shorten it, shrink it or widen the column`,
      line,
      key: `overflow:column-${side}`,
    });
  }
  for (const [edge, { amount, line }] of worst) {
    findings.push({
      code: 'overflow',
      severity: 'error',
      message: `content overflows the slide at the ${edge} by ${Math.round(amount)} px: shorten it, shrink it or split the slide`,
      line,
      key: `overflow:${edge}`,
    });
  }
  return findings;
}
