/**
 * Runs in the print view: reads each asked-for print page into a `SlideLayout` (slide-layout.ts).
 * Boxes come from the rendered layout, text from the DOM with its computed style, charts from the
 * spec the page draws them from; images are read as data URLs. What has no native PowerPoint form
 * (an iframe, video, a canvas that is not a chart, inline SVG…) is returned as a `picture` with
 * its place in the document, for the exporter to photograph. Self-contained: it is serialised into
 * the page, so it imports nothing and gets the shared names as its argument.
 */
import type { PageNames } from '../../page-contract.ts';
import type { ChartSpec } from '../../types.ts';
import type { BlockOrigin, Box, SlideBlock, SlideLayout, TableCell, TextParagraph, TextRun } from './slide-layout.ts';

export interface MeasureRequest {
  names: PageNames;
  /** The element holding the deck's slide index (id, h, v of each slide), for links by number (`#/3/1`). */
  slideIndexId: string;
  /** 0-based indices of the print pages to read, with the slide number each belongs to. */
  pages: { index: number; slide: number }[];
}

/**
 * The slides as JSON text (measured-slides-json.ts reads it): one string crosses to Node far faster
 * than the same data as an object, and each distinct run style is written once (a highlighted code
 * block has hundreds of runs in a handful of styles).
 */
export async function measureSlides({ names, pages, slideIndexId }: MeasureRequest): Promise<string> {
  const PICTURED = new Set(['IFRAME', 'VIDEO', 'CANVAS', 'SVG', 'OBJECT', 'EMBED', 'AUDIO', 'MATH', 'PICTURE']);
  const TEXT_BLOCKS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'DT', 'DD', 'FIGCAPTION', 'CAPTION', 'LABEL']);
  const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'BR', 'WBR']);
  const colourContext = document.createElement('canvas').getContext('2d');
  const printPages = Array.from(document.querySelectorAll(names.printPage));
  const results: SlideLayout[] = [];
  let slideIndex: { id: string; h: number; v: number }[] | null = null;
  /** The run style of each element read (an element's text nodes share it: a code block's between its highlighted spans). */
  const runStyles = new Map<Element, Omit<TextRun, 'text' | 'breakBefore'>>();

  for (const { index, slide } of pages) {
    const page = printPages[index] as HTMLElement | undefined;
    const section = page?.querySelector('section') as HTMLElement | null;
    if (!page || !section) throw new Error(`print page ${index + 1} not found`);
    const origin = page.getBoundingClientRect();
    const boxOf = (element: Element): Box => {
      const rect = element.getBoundingClientRect();
      return { x: rect.left - origin.left, y: rect.top - origin.top, width: rect.width, height: rect.height };
    };
    const clipOf = (element: Element): Box => {
      const rect = element.getBoundingClientRect();
      return { x: rect.left + window.scrollX, y: rect.top + window.scrollY, width: rect.width, height: rect.height };
    };
    const blocks: SlideBlock[] = [];
    await readChildren(section, blocks, boxOf, clipOf);
    const numberElement = page.querySelector('.slide-number-pdf, .slide-number') as HTMLElement | null;
    const heading = section.querySelector('h1, h2, h3, h4, h5, h6');
    results.push({
      number: slide,
      source: section.getAttribute(names.source) ?? '',
      title: heading?.textContent?.trim() ?? '',
      background: await backgroundOf(page, section),
      slideNumber:
        numberElement && visible(numberElement) && numberElement.textContent?.trim()
          ? { box: boxOf(numberElement), text: numberElement.textContent.trim(), run: runStyle(numberElement, numberElement.textContent.trim(), false) }
          : null,
      blocks,
    });
  }
  const styles: string[] = [];
  const styleIndex = new Map<string, number>();
  const slides = JSON.stringify(results, (_, value: unknown) => {
    if (!value || typeof value !== 'object' || !('breakBefore' in value)) return value;
    const { text, link, breakBefore, ...style } = value as TextRun;
    const key = JSON.stringify(style);
    let index = styleIndex.get(key);
    if (index === undefined) {
      index = styles.length;
      styles.push(key);
      styleIndex.set(key, index);
    }
    return { t: text, s: index, ...(link && { l: link }), ...(breakBefore && { b: 1 }) };
  });
  return `{"styles":[${styles.join(',')}],"slides":${slides}}`;

  async function readChildren(parent: Element, blocks: SlideBlock[], boxOf: (e: Element) => Box, clipOf: (e: Element) => Box): Promise<void> {
    for (const child of Array.from(parent.children)) await readBlock(child as HTMLElement, blocks, boxOf, clipOf);
  }

  async function readBlock(element: HTMLElement, blocks: SlideBlock[], boxOf: (e: Element) => Box, clipOf: (e: Element) => Box): Promise<void> {
    const tag = element.tagName.toUpperCase();
    if (SKIPPED.has(tag) || element.matches(names.notes) || !visible(element)) return;
    const from: BlockOrigin = { tag: element.tagName.toLowerCase(), line: lineOf(element) };
    if (element.matches(names.chart)) {
      blocks.push(chartBlock(element, boxOf, from));
      return;
    }
    // A display formula (KaTeX) has no native form; an inline one stays text, as written on the slide.
    if (PICTURED.has(tag) || element.matches('.katex-display, .katex-block')) {
      blocks.push({ kind: 'picture', box: boxOf(element), clip: clipOf(element), origin: from });
      return;
    }
    if (tag === 'IMG') {
      blocks.push({ kind: 'image', box: boxOf(element), data: await imageData(element as HTMLImageElement), alt: (element as HTMLImageElement).alt, origin: from });
      return;
    }
    const fill = fillOf(element);
    if (tag === 'TABLE') {
      blocks.push(tableBlock(element as HTMLTableElement, boxOf, from));
      return;
    }
    if (tag === 'PRE') {
      // The highlighter may paint the background on the <code> inside.
      const code = element.querySelector('code');
      const painted = fill ? element : code && fillOf(code) ? code : null;
      if (painted) blocks.push({ kind: 'shape', box: boxOf(painted), fill: fillOf(painted)!, origin: from });
      blocks.push({ kind: 'text', box: contentBox(painted ?? element, boxOf), paragraphs: [codeParagraph(element)], origin: from });
      return;
    }
    if (tag === 'UL' || tag === 'OL') {
      // Markers hang left of the items (list-style-position: outside): the box starts where they do.
      const marker = Number.parseFloat(getComputedStyle(element).fontSize) * 1.2;
      const box = boxOf(element);
      const paragraphs = listParagraphs(element, 0, element.getBoundingClientRect().left - marker);
      if (fill) blocks.push({ kind: 'shape', box, fill, origin: from });
      blocks.push({ kind: 'text', box: { ...box, x: box.x - marker, width: box.width + marker }, paragraphs, origin: from });
      return;
    }
    if (tag === 'HR') {
      const line = getComputedStyle(element).borderTopColor;
      blocks.push({ kind: 'shape', box: { ...boxOf(element), height: Math.max(1, boxOf(element).height) }, fill: hex(line) ?? '#cccccc', origin: from });
      return;
    }
    const blockChildren = Array.from(element.children).filter((c) => isBlock(c as HTMLElement) && visible(c as HTMLElement));
    const images = Array.from(element.querySelectorAll('img'));
    const text = (element.textContent ?? '').trim();
    // A block holding a display formula and nothing else: the formula, as a picture.
    const formula = element.querySelector(':scope > .katex-display, :scope > .katex-block');
    if (formula && formula.textContent?.trim() === text) {
      await readBlock(formula as HTMLElement, blocks, boxOf, clipOf);
      return;
    }
    // A paragraph holding only images (Markdown's `![](x.png)`): the images.
    if (images.length && !text && blockChildren.length === 0) {
      for (const image of images) await readBlock(image, blocks, boxOf, clipOf);
      return;
    }
    if (TEXT_BLOCKS.has(tag) || (blockChildren.length === 0 && text)) {
      if (fill) blocks.push({ kind: 'shape', box: boxOf(element), fill, origin: from });
      blocks.push({ kind: 'text', box: contentBox(element, boxOf), paragraphs: [paragraphOf(element, 0, null, 0)], origin: from });
      const inlinePictures = Array.from(element.querySelectorAll('img, iframe, svg, canvas, video'));
      for (const inline of inlinePictures) await readBlock(inline as HTMLElement, blocks, boxOf, clipOf);
      return;
    }
    // A container (columns, blockquote, a raw HTML box): its own fill, then its children.
    if (fill) blocks.push({ kind: 'shape', box: boxOf(element), fill, origin: from });
    await readChildren(element, blocks, boxOf, clipOf);
  }

  function isBlock(element: HTMLElement): boolean {
    const display = getComputedStyle(element).display;
    return !display.startsWith('inline') || PICTURED.has(element.tagName.toUpperCase()) || element.tagName === 'IMG';
  }

  function visible(element: Element): boolean {
    const style = getComputedStyle(element);
    if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
    const rect = element.getBoundingClientRect();
    // Visually hidden content (a chart's data table, screen-reader text) is 1 px or clipped away.
    return rect.width > 1 && rect.height > 1 && style.clip !== 'rect(0px, 0px, 0px, 0px)';
  }

  /** Text for screen readers only (a formula's MathML, `.sr-only`): positioned out of sight at 1 px or less. */
  function visuallyHidden(element: Element): boolean {
    const style = getComputedStyle(element);
    if (style.position !== 'absolute' && style.position !== 'fixed') return false;
    const rect = element.getBoundingClientRect();
    return rect.width <= 1 && rect.height <= 1;
  }

  function lineOf(element: Element): number | null {
    const line = element.closest(`[${names.line}]`)?.getAttribute(names.line);
    return line ? Number(line) : null;
  }

  function hex(colour: string): string | null {
    const match = /rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)(?:[,\s/]+([\d.]+%?))?/.exec(colour);
    if (!match) return null;
    const alpha = match[4] === undefined ? 1 : match[4].endsWith('%') ? Number.parseFloat(match[4]) / 100 : Number(match[4]);
    if (alpha < 0.05) return null;
    return `#${[match[1], match[2], match[3]].map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
  }

  /**
   * Any CSS colour (a custom property may hold `#1b2430` or a name) as `rgb(…)`, read through a canvas
   * context (`colourContext`): changing the document instead would make the next measurement lay the
   * whole deck out again.
   */
  function computedColour(colour: string): string {
    if (!colourContext) return colour;
    colourContext.fillStyle = '#000000';
    colourContext.fillStyle = colour;
    const normal = String(colourContext.fillStyle);
    const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(normal);
    return match ? `rgb(${match.slice(1).map((h) => Number.parseInt(h, 16)).join(', ')})` : normal;
  }

  function fillOf(element: Element): string | null {
    return hex(getComputedStyle(element).backgroundColor);
  }

  function contentBox(element: Element, boxOf: (e: Element) => Box): Box {
    const box = boxOf(element);
    const style = getComputedStyle(element);
    const px = (value: string) => Number.parseFloat(value) || 0;
    const left = px(style.paddingLeft) + px(style.borderLeftWidth);
    const top = px(style.paddingTop) + px(style.borderTopWidth);
    const right = px(style.paddingRight) + px(style.borderRightWidth);
    const bottom = px(style.paddingBottom) + px(style.borderBottomWidth);
    return { x: box.x + left, y: box.y + top, width: Math.max(1, box.width - left - right), height: Math.max(1, box.height - top - bottom) };
  }

  function runStyle(element: Element, text: string, breakBefore: boolean): TextRun {
    let style = runStyles.get(element);
    if (!style) {
      const computed = getComputedStyle(element);
      const link = element.closest('a[href]') as HTMLAnchorElement | null;
      style = {
        bold: Number(computed.fontWeight) >= 600,
        italic: computed.fontStyle === 'italic' || computed.fontStyle.startsWith('oblique'),
        font: computed.fontFamily.split(',')[0]!.trim().replace(/^["']|["']$/g, ''),
        size: Number.parseFloat(computed.fontSize),
        color: hex(computed.color) ?? '#000000',
        code: element.closest('code') !== null,
        link: link ? linkTarget(link) : null,
      };
      runStyles.set(element, style);
    }
    return { text, ...style, breakBefore };
  }

  /**
   * A link to a slide of the deck (reveal.js's `#/slide-id` and `#/h/v` forms, fragment step ignored) as
   * `#` and that slide's id; any other link inside the page leads nowhere in a file; others as their URL.
   * The forms targetFromHash (src/runtime/reading-view.ts) reads; this function runs in the page and imports nothing.
   */
  function linkTarget(link: HTMLAnchorElement): string | null {
    const href = link.getAttribute('href') ?? '';
    if (!href.startsWith('#')) return link.href;
    const parts = href.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
    if (!href.startsWith('#/') || parts.length === 0) return null;
    if (!/^\d+$/.test(parts[0]!)) return `#${parts[0]}`;
    const [h, v] = [Number(parts[0]), /^\d+$/.test(parts[1] ?? '') ? Number(parts[1]) : 0];
    slideIndex ??= JSON.parse(document.getElementById(slideIndexId)?.textContent || '[]') as { id: string; h: number; v: number }[];
    const slide = slideIndex.find((entry) => entry.h === h && entry.v === v);
    return slide ? `#${slide.id}` : null;
  }

  /** The styled text of `root`, without nested lists (`skip`); whitespace collapsed as CSS does unless it is preformatted. */
  function runsOf(root: Element, skip: string | null): TextRun[] {
    const runs: TextRun[] = [];
    let pendingBreak = false;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
      acceptNode(node) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          const element = node as Element;
          if (skip && element !== root && element.matches(skip)) return NodeFilter.FILTER_REJECT;
          if (SKIPPED.has(element.tagName.toUpperCase()) && element.tagName !== 'BR') return NodeFilter.FILTER_REJECT;
          if (element.tagName === 'IMG' || PICTURED.has(element.tagName.toUpperCase())) return NodeFilter.FILTER_REJECT;
          if (getComputedStyle(element).display === 'none' || visuallyHidden(element)) return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if ((node as Element).tagName === 'BR') pendingBreak = true;
        continue;
      }
      const parent = node.parentElement!;
      const pre = getComputedStyle(parent).whiteSpace.startsWith('pre');
      const raw = node.textContent ?? '';
      const text = pre ? raw : raw.replace(/[ \t\n\r\f]+/g, ' ');
      if (!text) continue;
      const lines = pre ? text.split('\n') : [text];
      lines.forEach((line, i) => {
        const breakBefore = pendingBreak || i > 0;
        pendingBreak = false;
        if (line || breakBefore) runs.push(runStyle(parent, line, breakBefore));
      });
    }
    return mergeRuns(trimRuns(runs));
  }

  /** Without the spaces that start and end the paragraph (CSS drops them), however many runs they span. */
  function trimRuns(runs: TextRun[]): TextRun[] {
    const kept = [...runs];
    while (kept.length && !kept[0]!.breakBefore && /^ /.test(kept[0]!.text)) {
      kept[0] = { ...kept[0]!, text: kept[0]!.text.replace(/^ +/, '') };
      if (!kept[0].text) kept.shift();
    }
    while (kept.length && / $/.test(kept[kept.length - 1]!.text)) {
      const last = kept.length - 1;
      kept[last] = { ...kept[last]!, text: kept[last]!.text.replace(/ +$/, '') };
      if (!kept[last].text && !kept[last].breakBefore) kept.pop();
    }
    return kept.filter((run) => run.text || run.breakBefore);
  }

  function mergeRuns(runs: TextRun[]): TextRun[] {
    const merged: TextRun[] = [];
    for (const run of runs) {
      const previous = merged[merged.length - 1];
      const same =
        previous &&
        !run.breakBefore &&
        previous.bold === run.bold &&
        previous.italic === run.italic &&
        previous.font === run.font &&
        previous.size === run.size &&
        previous.color === run.color &&
        previous.code === run.code &&
        previous.link === run.link;
      if (same) merged[merged.length - 1] = { ...previous, text: previous.text + run.text };
      else merged.push(run);
    }
    return merged;
  }

  function paragraphOf(element: Element, level: number, bullet: TextParagraph['bullet'], indent: number, skip: string | null = null): TextParagraph {
    const style = getComputedStyle(element);
    const fontSize = Number.parseFloat(style.fontSize);
    const lineHeight = style.lineHeight === 'normal' ? fontSize * 1.2 : Number.parseFloat(style.lineHeight);
    const align = style.textAlign === 'center' || style.textAlign === 'right' || style.textAlign === 'justify' ? style.textAlign : 'left';
    return { runs: runsOf(element, skip), align, level, bullet, indent, lineHeight, spaceBefore: 0 };
  }

  function codeParagraph(pre: Element): TextParagraph {
    const code = pre.querySelector('code') ?? pre;
    return { ...paragraphOf(code, 0, null, 0), align: 'left' };
  }

  /** One paragraph per list item, nested lists one level deeper; gaps between items become space before. */
  function listParagraphs(list: Element, level: number, left: number): TextParagraph[] {
    const paragraphs: TextParagraph[] = [];
    const bullet = list.tagName === 'OL' ? 'number' : 'bullet';
    let previousBottom: number | null = null;
    for (const item of Array.from(list.children)) {
      if (item.tagName !== 'LI' || !visible(item)) continue;
      const rect = item.getBoundingClientRect();
      // pptxgenjs indents a level by (level + 1) times the bullet's indent.
      const paragraph = paragraphOf(item, level, bullet, (rect.left - left) / (level + 1), 'ul, ol');
      paragraph.spaceBefore = previousBottom === null ? 0 : Math.max(0, rect.top - previousBottom);
      paragraphs.push(paragraph);
      const nested = Array.from(item.children).filter((c) => c.tagName === 'UL' || c.tagName === 'OL');
      let bottom = rect.bottom;
      for (const child of nested) {
        bottom = child.getBoundingClientRect().top;
        paragraphs.push(...listParagraphs(child, level + 1, left));
      }
      previousBottom = nested.length ? rect.bottom : bottom;
    }
    return paragraphs;
  }

  function tableBlock(table: HTMLTableElement, boxOf: (e: Element) => Box, from: BlockOrigin): SlideBlock {
    const rows: TableCell[][] = [];
    const rowHeights: number[] = [];
    for (const row of Array.from(table.rows)) {
      rowHeights.push(row.getBoundingClientRect().height);
      rows.push(
        Array.from(row.cells).map((cell): TableCell => {
          const style = getComputedStyle(cell);
          const px = (value: string) => Number.parseFloat(value) || 0;
          return {
            paragraphs: [paragraphOf(cell, 0, null, 0)],
            fill: fillOf(cell) ?? fillOf(row),
            colspan: cell.colSpan,
            rowspan: cell.rowSpan,
            padding: [px(style.paddingTop), px(style.paddingRight), px(style.paddingBottom), px(style.paddingLeft)],
            border: px(style.borderBottomWidth) > 0 ? hex(style.borderBottomColor) : null,
          };
        }),
      );
    }
    // Column widths from the row with the most cells.
    const widest = Array.from(table.rows).reduce<HTMLTableRowElement | null>((best, row) => (!best || row.cells.length > best.cells.length ? row : best), null);
    const columns = widest ? Array.from(widest.cells).map((cell) => cell.getBoundingClientRect().width) : [];
    return { kind: 'table', box: boxOf(table), rows, columns, rowHeights, origin: from };
  }

  function chartBlock(figure: HTMLElement, boxOf: (e: Element) => Box, from: BlockOrigin): SlideBlock {
    const spec = JSON.parse(figure.querySelector('script.deck-chart-spec')?.textContent ?? 'null') as ChartSpec;
    const parts = ['.deck-chart-title', '.deck-chart-canvas'].map((selector) => figure.querySelector(selector)).filter((e): e is Element => e !== null && visible(e));
    const boxes = parts.map(boxOf);
    const chartBox =
      boxes.length === 0
        ? boxOf(figure)
        : {
            x: Math.min(...boxes.map((b) => b.x)),
            y: Math.min(...boxes.map((b) => b.y)),
            width: Math.max(...boxes.map((b) => b.x + b.width)) - Math.min(...boxes.map((b) => b.x)),
            height: Math.max(...boxes.map((b) => b.y + b.height)) - Math.min(...boxes.map((b) => b.y)),
          };
    const caption = figure.querySelector('figcaption');
    const title = figure.querySelector('.deck-chart-title');
    const figureStyle = getComputedStyle(figure);
    const property = (name: string) => figureStyle.getPropertyValue(name).trim();
    return {
      kind: 'chart',
      box: boxOf(figure),
      spec,
      chartBox,
      caption: caption && visible(caption) ? { box: contentBox(caption, boxOf), paragraphs: [paragraphOf(caption, 0, null, 0)] } : null,
      // As the page's chart style reads them (runtime/charts/chart-style.ts `chartStyle`).
      text: {
        color: hex(computedColour(property('--deck-chart-text') || figureStyle.color)) ?? '#000000',
        font: (property('--deck-font') || figureStyle.fontFamily).split(',')[0]!.trim().replace(/^["']|["']$/g, ''),
        size: Number.parseFloat(property('--deck-chart-font-size')) || 22,
      },
      title: title ? runStyle(title, spec.title, false) : null,
      origin: from,
    };
  }

  async function dataUrl(url: string): Promise<string> {
    const blob = await (await fetch(url)).blob();
    return await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
  }

  /** PNG, JPEG and GIF files as they are; anything else (SVG, WebP…) drawn into a PNG at twice its shown size. */
  async function imageData(image: HTMLImageElement): Promise<string> {
    const url = image.currentSrc || image.src;
    const original = await dataUrl(url);
    if (/^data:image\/(png|jpeg|gif)/.test(original)) return original;
    const rect = image.getBoundingClientRect();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(rect.width * 2));
    canvas.height = Math.max(1, Math.round(rect.height * 2));
    canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png');
  }

  async function backgroundOf(page: Element, section: HTMLElement): Promise<SlideLayout['background']> {
    const layer = (page.querySelector('.slide-background-content') ?? page.querySelector('.slide-background')) as HTMLElement | null;
    const candidates = [layer, page.querySelector('.slide-background'), section, document.querySelector('.reveal-viewport') ?? document.body].filter(
      (e): e is Element => e !== null,
    );
    const color = candidates.map(fillOf).find((c) => c !== null) ?? null;
    const url = layer ? /url\(["']?([^"')]+)["']?\)/.exec(getComputedStyle(layer).backgroundImage)?.[1] : undefined;
    const opacity = layer ? Number(getComputedStyle(layer).opacity) : 1;
    return { color, image: url ? await dataUrl(new URL(url, document.baseURI).href) : null, opacity };
  }

}
