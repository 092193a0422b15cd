/** What `deck export` writes, resolved once from the user's options. */
import { join, resolve } from 'node:path';
import { CliError } from '../errors.ts';

export interface ExportOptions {
  /** Folder of Markdown slides. @defaultValue `slides` */
  slidesDir?: string;
  /** Build folder, reused when fresh. @defaultValue `dist` */
  outDir?: string;
  /** Slides PDF path; `true` for the default `<outDir>/<deck-name>.pdf`. Written when no other output is asked for. */
  pdf?: string | boolean;
  /** A handout (slides with full notes) instead of the slides PDF; to `pdf` if given, else `<outDir>/<deck-name>-notes.pdf`. */
  notes?: boolean;
  /** One page (or PNG) per fragment step. @defaultValue false */
  fragments?: boolean;
  /** Slide numbers, e.g. `3-7,10`. @defaultValue all */
  range?: string;
  /** Folder for one PNG per slide. */
  png?: string;
  /** Pixel density of the PNGs (1 → 1280×720 for 16:9). @defaultValue 1 */
  scale?: number;
  /** Path of the single-file HTML deck. */
  html?: string;
  /** Longest wait for the deck to be ready and for each printing step. @defaultValue 60 */
  timeoutSeconds?: number;
  /** Chromium executable. @defaultValue `CHROME_PATH`, then the usual system paths */
  chrome?: string;
  /** Build even when the build folder is fresh. @defaultValue false */
  rebuild?: boolean;
}

export interface ResolvedExportOptions {
  slidesDir: string;
  outDir: string;
  /** Slides PDF path, or a marker for the default path (the deck's name is known after the build). */
  pdf: string | 'default' | null;
  handout: string | 'default' | null;
  fragments: boolean;
  range: string | null;
  png: string | null;
  scale: number;
  html: string | null;
  timeoutMs: number;
  chrome: string | undefined;
  rebuild: boolean;
}

export function resolveExportOptions(options: ExportOptions): ResolvedExportOptions {
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0 || scale > 4) throw new CliError(`--scale must be a number above 0 and at most 4, not ${options.scale}`);
  const timeoutSeconds = options.timeoutSeconds ?? 60;
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new CliError(`--timeout must be a positive number of seconds, not ${options.timeoutSeconds}`);
  const pdfPath = typeof options.pdf === 'string' ? resolve(options.pdf) : options.pdf ? 'default' : null;
  const nothingElse = !options.png && !options.html && !options.notes;
  return {
    slidesDir: resolve(options.slidesDir ?? 'slides'),
    outDir: resolve(options.outDir ?? 'dist'),
    pdf: options.notes ? null : (pdfPath ?? (nothingElse ? 'default' : null)),
    handout: options.notes ? (pdfPath ?? 'default') : null,
    fragments: options.fragments ?? false,
    range: options.range ?? null,
    png: options.png ? resolve(options.png) : null,
    scale,
    html: options.html ? resolve(options.html) : null,
    timeoutMs: timeoutSeconds * 1000,
    chrome: options.chrome ?? process.env.CHROME_PATH ?? undefined,
    rebuild: options.rebuild ?? false,
  };
}

export function needsBrowser(options: ResolvedExportOptions): boolean {
  return Boolean(options.pdf || options.handout || options.png);
}

export function defaultPdfPath(outDir: string, deckName: string, handout: boolean): string {
  return join(outDir, `${deckName}${handout ? '-notes' : ''}.pdf`);
}

/**
 * Canvas pixels per CSS pixel of the charts in a PDF. They print as vectors (redrawn in `beforeprint`),
 * so their bitmaps are never seen: a quarter pixel per CSS pixel keeps the page ~2 MB lighter per chart
 * than 1× (and ~6 MB than the print view's own ≥ 2×).
 */
export const PDF_CHART_DENSITY = 0.25;

/** Whether the print view is only printed (PDFs: slides, handout), not pictured (PNGs). */
export function printsOnly(options: Pick<ResolvedExportOptions, 'png'>): boolean {
  return !options.png;
}

/** PDFs (slides and handout) ask for `PDF_CHART_DENSITY`; PNGs are pictures of the canvases and keep ≥ 2× (undefined). */
export function chartDensity(options: Pick<ResolvedExportOptions, 'png'>): number | undefined {
  return printsOnly(options) ? PDF_CHART_DENSITY : undefined;
}
