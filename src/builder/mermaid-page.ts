/**
 * Mermaid in Chromium, for the build: one page (through the app's one browser seam) with Mermaid's
 * own bundle loaded, which turns diagram sources into SVG. Mermaid needs a browser to measure its
 * labels; doing it at build time means the deck ships SVG and no Mermaid.
 *
 * The SVG does not depend on the deck's theme: colours and the font are CSS custom properties of
 * the theme (`--deck-text`, `--deck-accent`, `--r-main-font` …), resolved where the SVG is shown.
 * Labels are measured in Inter, the default theme's font, loaded into the page from @fontsource.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BrowserPage } from '../browser/browser-page.ts';

const require = createRequire(import.meta.url);

export const MERMAID_VERSION = (require('mermaid/package.json') as { version: string }).version;

/**
 * Node fills, edges and text in the deck's colours, whatever the diagram type names them: the
 * theme's `--deck-text` and `--deck-accent` (deck-features.css derives them from reveal.js's
 * `--r-*` for every theme; a dark slide sets its own), so a diagram reads on light and dark slides.
 * Fills are a tint that lets the slide's background through. `!important` because Mermaid's own
 * rules for some parts (markers, actors) are more specific; all of it stays scoped to the SVG's id.
 */
const TEXT = 'var(--deck-text, var(--r-main-color, #1b2430))';
const ACCENT = 'var(--deck-accent, var(--r-link-color, #005a9e))';
const LABEL_BACKGROUND = 'var(--deck-diagram-label-background, var(--r-background-color, #ffffff))';
const THEME_CSS = `
  text, text tspan, .label, .nodeLabel, .edgeLabel, .messageText, .loopText, .noteText, .actor, text.actor > tspan, .titleText, .legend text, .pieTitleText, .slice {
    fill: ${TEXT} !important; color: ${TEXT} !important; font-family: var(--r-main-font, Inter, sans-serif);
  }
  .node rect, .node circle, .node ellipse, .node polygon, .node path, rect.actor, .note, rect.note, .classGroup rect, .stateGroup rect, .state-note, .cluster rect {
    fill: color-mix(in srgb, ${ACCENT} 16%, transparent) !important; stroke: ${ACCENT} !important;
  }
  .flowchart-link, .edgePath .path, .messageLine0, .messageLine1, .relation, .transition, line.actor-line, .actor-line {
    stroke: ${TEXT} !important;
  }
  marker path, marker circle, .arrowheadPath, .arrowMarkerPath, .marker, .marker.cross {
    fill: ${TEXT} !important; stroke: ${TEXT} !important;
  }
  .edgeLabel rect, .edgeLabel .label rect, .edgeLabel rect.background, .labelBkg {
    fill: ${LABEL_BACKGROUND} !important; background-color: ${LABEL_BACKGROUND} !important; opacity: 1;
  }
`;

/** Mermaid's configuration for every diagram: part of the cache key (deck-diagrams.ts). */
export const MERMAID_CONFIG = {
  startOnLoad: false,
  theme: 'base',
  securityLevel: 'strict',
  // Labels as SVG text, not HTML in foreignObject: plain vector text wherever the SVG goes.
  htmlLabels: false,
  flowchart: { htmlLabels: false },
  fontFamily: 'var(--r-main-font, Inter, sans-serif)',
  themeCSS: THEME_CSS,
} as const;

/**
 * Mermaid writes its labels at 16 px and gives the SVG that natural size as its largest width; on a
 * slide it is drawn this much larger (labels at 24 px, above deck check's smallest text size), as far
 * as the slide's width allows.
 */
export const DIAGRAM_SCALE = 1.5;

/** The SVG with its largest width scaled by `DIAGRAM_SCALE` (its height follows from its viewBox). */
export function scaleDiagram(svg: string): string {
  return svg.replace(/(<svg\b[^>]*?style="[^"]*?max-width:\s*)([\d.]+)px/, (_, before: string, width: string) => `${before}${Math.round(Number(width) * DIAGRAM_SCALE)}px`);
}

export type DiagramResult = { svg: string } | { error: string; line: number | null };

export interface MermaidJob {
  /** The SVG's id: its styles are scoped to it. */
  id: string;
  source: string;
}

export class MermaidPage {
  private constructor(private readonly page: BrowserPage) {}

  /** Starts Chromium (ChromeNotFoundError without one) and loads Mermaid into a blank page. */
  static async start(executablePath?: string): Promise<MermaidPage> {
    const page = await BrowserPage.launch('about:blank', { oneProcess: true, ...(executablePath && { executablePath }) });
    try {
      const font = readFileSync(require.resolve('@fontsource/inter/files/inter-latin-400-normal.woff2')).toString('base64');
      await page.addStyle(`@font-face { font-family: Inter; font-weight: 400; src: url(data:font/woff2;base64,${font}) format('woff2'); }`);
      await page.addScript(readFileSync(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8'));
      await page.evaluate(async (config) => {
        await document.fonts.load('16px Inter');
        (window as unknown as { mermaid: { initialize(c: unknown): void } }).mermaid.initialize(config);
      }, MERMAID_CONFIG);
      return new MermaidPage(page);
    } catch (error) {
      await page.close();
      throw error;
    }
  }

  /** Each job's SVG, or Mermaid's error with the line of the source it names (1-based), in order. */
  render(jobs: MermaidJob[]): Promise<DiagramResult[]> {
    return this.page.evaluate(async (list) => {
      type Mermaid = { render(id: string, text: string): Promise<{ svg: string }> };
      const { mermaid } = window as unknown as { mermaid: Mermaid };
      const results: DiagramResult[] = [];
      for (const job of list) {
        try {
          results.push({ svg: (await mermaid.render(job.id, job.source)).svg });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const line = /\bon line (\d+)/.exec(message)?.[1];
          results.push({ error: message, line: line ? Number(line) : null });
        }
        // A failed render leaves its scratch element behind.
        document.getElementById(`d${job.id}`)?.remove();
      }
      return results;
    }, jobs);
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
