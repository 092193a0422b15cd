/**
 * Chart lifecycle: a chart is created when its slide is shown and destroyed
 * when the slide is left; in the print view every chart is drawn up front,
 * without animation, at ≥ 2× pixel density (or the `chart-density` the
 * page's query asks for), and none in a print view that is only measured
 * (`measure-only`: the PowerPoint file draws its charts natively). A failing chart shows its error in its figure and
 * does not break the deck.
 */
import type { RevealApi } from 'reveal.js';
import type { ChartSpec } from '../../types.ts';
import { fill, type Strings } from '../../strings/strings.ts';
import { CHART_SELECTOR, DRAWN_ATTRIBUTE, DRAWN_ERROR, readPrintViewFlags } from '../../page-contract.ts';
import type { DrawnChart } from './draw-chart.ts';

type DrawModule = typeof import('./draw-chart.ts');
let drawModule: Promise<DrawModule> | null = null;
const loadDraw = () => (drawModule ??= import('./draw-chart.ts'));

export interface ChartFeature {
  /** Draws the charts the current view needs; resolves when all are drawn. */
  drawCurrent(): Promise<void>;
  /** Fetches Chart.js in idle time when the deck has charts, so a chart slide shows without waiting for it. */
  prefetch(): void;
  dispose(): void;
}

/**
 * Canvas pixels per CSS pixel in the print view: ≥ 2× for a sharp picture, unless the query asks
 * for another density (`?print-pdf&chart-density=0.25`). The PDF exporter does: charts reach the PDF as
 * vectors (print-view.ts redraws them in `beforeprint`), so their bitmaps only cost memory there.
 */
export function printPixelRatio(): number {
  return readPrintViewFlags(window.location.search).chartDensity ?? Math.max(2, window.devicePixelRatio);
}

function readSpec(figure: HTMLElement): ChartSpec {
  const script = figure.querySelector('script.deck-chart-spec');
  return JSON.parse(script?.textContent ?? 'null') as ChartSpec;
}

/** The figure's spec, or null when it cannot be read (drawing it then shows why). */
function readableSpec(figure: HTMLElement): ChartSpec | null {
  try {
    return readSpec(figure);
  } catch {
    return null;
  }
}

function showError(figure: HTMLElement, error: unknown, strings: Strings): void {
  figure.classList.add('deck-chart-failed');
  figure.setAttribute(DRAWN_ATTRIBUTE, DRAWN_ERROR);
  const message = document.createElement('p');
  message.className = 'deck-chart-error';
  message.textContent = fill(strings.chartError, { message: error instanceof Error ? error.message : String(error) });
  figure.querySelector('.deck-chart-canvas')?.replaceWith(message);
}

export function chartFeature(reveal: RevealApi, strings: Strings): ChartFeature {
  const live = new Map<HTMLElement, DrawnChart>();
  const print = reveal.isPrintView();
  const undrawn = print && readPrintViewFlags(window.location.search).measureOnly;
  const scroll = reveal.isScrollView();

  // reveal.js scales the slide to the screen (1.5× on a 1920 px projector); the canvas needs
  // that many more pixels to stay as sharp as the text around it.
  const screenRatio = () => window.devicePixelRatio * Math.max(1, reveal.getScale());
  let drawnRatio = screenRatio();

  async function draw(figures: HTMLElement[], animate: boolean): Promise<void> {
    const pending = figures.filter((figure) => !live.has(figure) && !figure.classList.contains('deck-chart-failed'));
    if (pending.length === 0) {
      await Promise.all(figures.map((figure) => live.get(figure)?.drawn));
      return;
    }
    const { drawChart, loadChartParts } = await loadDraw();
    await Promise.all([document.fonts.ready, loadChartParts(pending.map(readableSpec))]);
    const pixelRatio = print ? printPixelRatio() : screenRatio();
    await Promise.all(
      figures.map((figure) => {
        if (figure.classList.contains('deck-chart-failed')) return undefined;
        let chart = live.get(figure);
        if (!chart) {
          try {
            chart = drawChart(figure, readSpec(figure), { animate, ...(pixelRatio && { pixelRatio }) });
            live.set(figure, chart);
          } catch (error) {
            showError(figure, error, strings);
            return undefined;
          }
        }
        return chart.drawn;
      }),
    );
  }

  const inSight = (figure: HTMLElement) => {
    const box = figure.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight && box.height > 0;
  };

  const figuresIn = (root: ParentNode | null | undefined) =>
    root ? Array.from(root.querySelectorAll<HTMLElement>(`${CHART_SELECTOR}[data-chart-id]`)) : [];

  function releaseOthers(keep: HTMLElement[]) {
    for (const [figure, chart] of live) {
      if (!keep.includes(figure) || !figure.isConnected) {
        chart.destroy();
        live.delete(figure);
      }
    }
  }

  async function drawCurrent(): Promise<void> {
    if (undrawn) return;
    if (print) return draw(figuresIn(reveal.getSlidesElement()), false);
    const current = figuresIn(reveal.getCurrentSlide());
    if (!scroll) releaseOthers(current);
    // The scroll view names its current slide only once scrolling settles; what is in sight counts now.
    return draw(scroll ? [...new Set([...current, ...figuresIn(reveal.getSlidesElement()).filter(inSight)])] : current, true);
  }

  // A fragment shown or hidden may be a build-up step of a chart in view (chart-steps.ts).
  const syncSteps = () => live.forEach((chart) => chart.syncSteps());
  const onSlideChanged = () => {
    syncSteps();
    void drawCurrent();
  };
  reveal.on('slidechanged', onSlideChanged);
  reveal.on('fragmentshown', syncSteps);
  reveal.on('fragmenthidden', syncSteps);

  // Fullscreen or a new window size changes the scale: redraw the slide's charts at the new density.
  const onResize = () => {
    const ratio = screenRatio();
    if (print || scroll || Math.abs(ratio - drawnRatio) < 0.05) return;
    drawnRatio = ratio;
    releaseOthers([]);
    void draw(figuresIn(reveal.getCurrentSlide()), false);
  };
  reveal.on('resize', onResize);

  // In the scroll view, draw each chart as it scrolls into sight.
  let observer: IntersectionObserver | null = null;
  if (scroll) {
    observer = new IntersectionObserver((entries) => {
      const visible = entries.filter((e) => e.isIntersecting).map((e) => e.target as HTMLElement);
      if (visible.length) void draw(visible, true);
    }, { threshold: 0.25 });
    figuresIn(reveal.getSlidesElement()).forEach((figure) => observer!.observe(figure));
  }

  return {
    drawCurrent,
    prefetch() {
      if (undrawn || !reveal.getSlidesElement()?.querySelector(CHART_SELECTOR)) return;
      const idle = window.requestIdleCallback ?? ((task: () => void) => window.setTimeout(task, 200));
      // The parts of the deck's own charts too: a deck without waterfalls or lines never fetches theirs.
      idle(() => void loadDraw().then(({ loadChartParts }) => loadChartParts(figuresIn(reveal.getSlidesElement()).map(readableSpec))));
    },
    dispose() {
      reveal.off('slidechanged', onSlideChanged);
      reveal.off('fragmentshown', syncSteps);
      reveal.off('fragmenthidden', syncSteps);
      reveal.off('resize', onResize);
      observer?.disconnect();
      releaseOthers([]);
    },
  };
}
