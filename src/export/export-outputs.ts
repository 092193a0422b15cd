/**
 * The outputs of `deck export` as one table the exporter walks: what each one needs (the open
 * print view, or only the slides folder), whether it was asked for, and how it is written.
 */
import type { BrowserPage } from '../browser/browser-page.ts';
import { writeFileAtomically } from './atomic-file.ts';
import { defaultPdfPath, defaultPptxPath, type ResolvedExportOptions } from './export-options.ts';
import type { PrintView } from './open-print-view.ts';
import type { PdfOptions } from './pdf-export.ts';
import type { PdfInfo } from './pdf-info.ts';
import type { Progress } from './progress.ts';

export type OutputKind = 'png' | 'pdf' | 'handout' | 'html' | 'pptx';

export interface ExportedFile {
  kind: OutputKind;
  path: string;
  /** Pages (PDF), slides (handout, PowerPoint), images (PNG), 1 (HTML). */
  count: number;
  seconds: number;
}

/** The deck as its build describes it (export-deck.ts `readDeckInfo`). */
export interface DeckInfo {
  title: string;
  author: string;
  lang: string;
  /** File name stem of the default outputs. */
  name: string;
}

/** What an output written from the print view gets. */
export interface PrintContext {
  page: BrowserPage;
  view: PrintView;
  options: ResolvedExportOptions;
  deck: DeckInfo;
  /** Selected slide numbers; null for all. */
  slides: ReadonlySet<number> | null;
  progress: Progress;
  /** Where an output reports what it could not carry over (the export's warnings). */
  warnings: string[];
  /**
   * An output calls this once it has read all it needs from the page: when no later output needs the
   * print view, Chromium is closed then (resolved once it is), so that its memory is handed back before
   * the output's own work.
   */
  releasePage(): Promise<void>;
}

interface Written {
  path: string;
  count: number;
  /** The line that ends the step, after `in N s`. */
  summary: string;
}

interface OutputBase {
  kind: OutputKind;
  /** The progress step, e.g. `printing the PDF`. */
  step: string;
  /** Where it goes, or null when not asked for. */
  target(options: ResolvedExportOptions): string | null;
}

export type Output =
  | (OutputBase & {
      needs: 'print view';
      /** Loads the output's code while Chromium lays out the print view, when this process would otherwise wait. */
      prepare?(): void;
      write(target: string | 'default', context: PrintContext): Promise<Written>;
    })
  | (OutputBase & { needs: 'slides'; write(target: string, options: ResolvedExportOptions): Promise<Written> });

function pdfInfo(deck: DeckInfo): PdfInfo {
  return { title: deck.title, author: deck.author, creator: 'markdown-deck (reveal.js, Chromium)' };
}

/** A PDF printed from the print view (the slides or the handout), written under its default name unless one is given. */
function printedPdf(pdf: {
  kind: 'pdf' | 'handout';
  step: string;
  target: OutputBase['target'];
  print(context: PrintContext, finish: PdfOptions): Promise<{ pdf: Uint8Array; pages: number }>;
  summary(path: string, pages: number): string;
}): Output {
  return {
    kind: pdf.kind,
    step: pdf.step,
    needs: 'print view',
    target: pdf.target,
    async write(target, context) {
      const { options, deck, slides } = context;
      const path = target === 'default' ? defaultPdfPath(options.outDir, deck.name, pdf.kind === 'handout') : target;
      const finish = { info: pdfInfo(deck), lang: deck.lang, slides, timeoutMs: options.timeoutMs, releasePage: context.releasePage };
      const { pdf: bytes, pages } = await pdf.print(context, finish);
      writeFileAtomically(path, bytes);
      return { path, count: pages, summary: pdf.summary(path, pages) };
    },
  };
}

/** In the order they are written: PNGs picture the print view before a handout restyles it. */
export const OUTPUTS: readonly Output[] = [
  {
    kind: 'png',
    step: 'writing PNGs',
    needs: 'print view',
    target: (options) => options.png,
    async write(target, { page, view, slides, progress }) {
      const { writeSlidePngs } = await import('./png-export.ts');
      const written = await writeSlidePngs(page, view, target, { slides, onProgress: (done, total) => progress.advance(done, total) });
      return { path: target, count: written.length, summary: `wrote ${written.length} PNGs to ${target}` };
    },
  },
  // Before the handout, which restyles the print view the PowerPoint file is measured from.
  {
    kind: 'pptx',
    step: 'writing the PowerPoint file',
    needs: 'print view',
    target: (options) => options.pptx,
    prepare() {
      // pptxgenjs (~70 ms to load) too: readSlidePages would otherwise load it while the first slides are measured.
      void import('./pptx/pptx-export.ts').then(({ loadPptxGenJs }) => loadPptxGenJs(), () => undefined);
    },
    async write(target, { page, view, options, deck, slides, progress, warnings, releasePage }) {
      const { readSlidePages, buildPptx } = await import('./pptx/pptx-export.ts');
      const path = target === 'default' ? defaultPptxPath(options.outDir, deck.name) : target;
      const reading = readSlidePages(page, view, slides);
      const file = await buildPptx(reading, { deck, onProgress: (done, total) => progress.advance(done, total), afterReading: releasePage });
      writeFileAtomically(path, file.bytes);
      warnings.push(...file.warnings);
      const size = `${(file.bytes.byteLength / 1024).toFixed(0)} KB`;
      return { path, count: file.slides, summary: `wrote ${path}: ${file.slides} slides, ${file.charts} native charts, ${size}` };
    },
  },
  printedPdf({
    kind: 'pdf',
    step: 'printing the PDF',
    target: (options) => options.pdf,
    print: async (context, finish) => (await import('./pdf-export.ts')).printSlidesPdf(context.page, context.view, finish),
    summary: (path, pages) => `wrote ${path}: ${pages} pages`,
  }),
  printedPdf({
    kind: 'handout',
    step: 'printing the handout',
    target: (options) => options.handout,
    print: async (context, finish) => (await import('./handout.ts')).printHandoutPdf(context.page, context.view, finish),
    summary: (path, pages) => `wrote ${path}: handout of ${pages} slides with notes`,
  }),
  {
    kind: 'html',
    step: 'writing single-file HTML',
    needs: 'slides',
    target: (options) => options.html,
    async write(target, options) {
      const { writeSingleFileHtml } = await import('./single-file-html.ts');
      const html = await writeSingleFileHtml(options.slidesDir, target, { withoutNotes: options.withoutNotes });
      return { path: html.file, count: 1, summary: `wrote ${html.file} (${(html.bytes / 1024).toFixed(0)} KB)` };
    },
  },
];

/** The outputs asked for, with their targets. */
export function wantedOutputs(options: ResolvedExportOptions): { output: Output; target: string }[] {
  return OUTPUTS.flatMap((output) => {
    const target = output.target(options);
    return target ? [{ output, target }] : [];
  });
}

/** Writes one output as a progress step and describes the file. */
export async function writeOutput(output: Pick<Output, 'kind' | 'step'>, progress: Progress, write: () => Promise<Written>): Promise<ExportedFile> {
  progress.step(output.step);
  const started = performance.now();
  const written = await write();
  const seconds = (performance.now() - started) / 1000;
  progress.done(`${written.summary} in ${seconds.toFixed(2)} s`);
  return { kind: output.kind, path: written.path, count: written.count, seconds };
}
