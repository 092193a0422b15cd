/**
 * What `deck export` writes: one schema for the command's options (the CLI's flags and the API's
 * object alike), validated once; the types come from it.
 */
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { CliError } from '../errors.ts';
import { EXPORT_DEFAULTS } from './export-defaults.ts';

const positive = (flag: string) =>
  z.coerce.number({ error: `${flag} needs a number` }).refine((n) => Number.isFinite(n) && n > 0, { error: `${flag} needs a positive number` });

export const exportOptionsSchema = z
  .strictObject({
    /** Folder of Markdown slides. */
    slidesDir: z.string().default(EXPORT_DEFAULTS.slidesDir),
    /** Build folder, reused when fresh. */
    out: z.string().default(EXPORT_DEFAULTS.out),
    /** Slides PDF path; `true` for `<out>/<deck-name>.pdf`. Written when no other output is asked for. */
    pdf: z.union([z.string(), z.boolean()]).optional(),
    /** A handout (slides with full notes) instead of the slides PDF; to `pdf` if given, else `<out>/<deck-name>-notes.pdf`. */
    notes: z.boolean().default(false),
    /** One page (or PNG) per fragment step. */
    fragments: z.boolean().default(false),
    /** Slide numbers, e.g. `3-7,10`; all when omitted. */
    range: z.string().optional(),
    /** Folder for one PNG per slide. */
    png: z.string().optional(),
    /** Pixel density of the PNGs (1 → 1280×720 for 16:9), at most 4. */
    scale: positive('--scale').refine((n) => n <= 4, { error: '--scale must be at most 4' }).default(EXPORT_DEFAULTS.scale),
    /** Path of the single-file HTML deck. */
    html: z.string().optional(),
    /** PowerPoint file path; `true` for `<out>/<deck-name>.pptx`. */
    pptx: z.union([z.string(), z.boolean()]).optional(),
    /** Longest wait, in seconds, for the deck to be ready and for each printing step. */
    timeout: positive('--timeout').default(EXPORT_DEFAULTS.timeout),
    /** Chromium executable; else `CHROME_PATH`, then the usual system paths. */
    chrome: z.string().optional(),
    /** Build even when the build folder is fresh. */
    rebuild: z.boolean().default(false),
    /** No speaker notes in what is written (the single-file HTML, the PowerPoint file): a copy to share. The CLI's `--no-notes`. */
    withoutNotes: z.boolean().default(false),
  })
  .refine((options) => !(options.notes && options.withoutNotes), { error: '--notes (the handout) and --no-notes exclude each other' })
  .transform((options) => {
    const pdfPath = typeof options.pdf === 'string' ? resolve(options.pdf) : options.pdf ? ('default' as const) : null;
    const nothingElse = !options.png && !options.html && !options.notes && !options.pptx;
    return {
      slidesDir: resolve(options.slidesDir),
      outDir: resolve(options.out),
      /** Slides PDF path, or a marker for the default path (the deck's name is known after the build). */
      pdf: options.notes ? null : (pdfPath ?? (nothingElse ? ('default' as const) : null)),
      handout: options.notes ? (pdfPath ?? ('default' as const)) : null,
      fragments: options.fragments,
      range: options.range ?? null,
      png: options.png ? resolve(options.png) : null,
      scale: options.scale,
      html: options.html ? resolve(options.html) : null,
      /** PowerPoint file path, or a marker for the default path. */
      pptx: typeof options.pptx === 'string' ? resolve(options.pptx) : options.pptx ? ('default' as const) : null,
      timeoutMs: options.timeout * 1000,
      chrome: options.chrome ?? process.env.CHROME_PATH ?? undefined,
      rebuild: options.rebuild,
      withoutNotes: options.withoutNotes,
    };
  });

/** The options as a caller gives them (the CLI's flags are these, named as its long options). */
export type ExportOptions = z.input<typeof exportOptionsSchema>;
export type ResolvedExportOptions = z.output<typeof exportOptionsSchema>;

/** Validates once; a bad option is a CliError naming it. */
export function resolveExportOptions(options: ExportOptions): ResolvedExportOptions {
  const parsed = exportOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const key = String(issue.path[0] ?? '');
  const message = issue.code === 'unrecognized_keys' ? `unknown option ${issue.keys.join(', ')}` : issue.message;
  throw new CliError(message.startsWith('--') || !key ? message : `--${key}: ${message}`);
}

export function defaultPdfPath(outDir: string, deckName: string, handout: boolean): string {
  return join(outDir, `${deckName}${handout ? '-notes' : ''}.pdf`);
}

/**
 * Canvas pixels per CSS pixel of the charts in a PDF: they print as vectors (redrawn in
 * `beforeprint`), so their bitmaps are never seen and a quarter pixel keeps the page lighter.
 */
export const PDF_CHART_DENSITY = 0.25;

/** Whether the print view is only printed (PDFs: slides, handout), not pictured (PNGs) or measured (PowerPoint). */
export function printsOnly(options: Pick<ResolvedExportOptions, 'png' | 'pptx'>): boolean {
  return !options.png && !options.pptx;
}

/**
 * Whether the print view is only measured: the PowerPoint file and no PDF or PNG, which need the charts
 * drawn. PowerPoint draws its charts natively from their data, so the page leaves them undrawn.
 */
export function measuresOnly(options: Pick<ResolvedExportOptions, 'pdf' | 'handout' | 'png' | 'pptx'>): boolean {
  return options.pptx !== null && options.pdf === null && options.handout === null && options.png === null;
}

/**
 * PDFs (slides and handout) ask for `PDF_CHART_DENSITY`; PNGs are pictures of the canvases and keep ≥ 2× (undefined).
 * PowerPoint draws its charts natively, so the canvases never reach its file.
 */
export function chartDensity(options: Pick<ResolvedExportOptions, 'png'>): number | undefined {
  return options.png ? undefined : PDF_CHART_DENSITY;
}

export function defaultPptxPath(outDir: string, deckName: string): string {
  return join(outDir, `${deckName}.pptx`);
}
