/**
 * `deck export [slides-dir]`: PDF slides, a PDF handout with notes, PNGs and a
 * single-file HTML deck in one command. Its flags are the export's options
 * (export-options.ts), validated there once. Progress on a terminal, plain
 * lines in CI; an interrupt removes any half-written file before exiting. The
 * exporter (and zod, Playwright) load only when the command runs.
 */
import type { Command } from 'commander';
import { discardAllTemporary } from '../../export/atomic-file.ts';
import { EXPORT_DEFAULTS } from '../../export/export-defaults.ts';
import type { ExportOptions } from '../../export/export-options.ts';

function onInterrupt(signal: NodeJS.Signals): void {
  discardAllTemporary();
  console.error(`export interrupted (${signal}): no file written`);
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

export function registerExport(program: Command): void {
  // commander keeps `--notes` and `--no-notes` in one `notes`, the last given winning; the export takes them
  // apart (and refuses the two together), so each is noted as it is parsed.
  const given = { notes: false, noNotes: false };
  program
    .command('export')
    .on('option:notes', () => (given.notes = true))
    .on('option:no-notes', () => (given.noNotes = true))
    .description('export the deck: PDF slides (default), PDF handout with notes, PNGs, single-file HTML, PowerPoint')
    .argument('[slides-dir]', 'folder of Markdown slides', EXPORT_DEFAULTS.slidesDir)
    .option('--out <dir>', `build folder (reused when fresh) (default: "${EXPORT_DEFAULTS.out}")`)
    .option('--pdf [file]', 'slides PDF (default <out>/<deck-name>.pdf)')
    .option('--notes', 'handout instead: each slide with its full speaker notes (to --pdf file or <out>/<deck-name>-notes.pdf)')
    .option('--no-notes', 'no speaker notes in the single-file HTML or PowerPoint file (a copy to share)')
    .option('--fragments', 'one page (or PNG) per fragment step')
    .option('--range <slides>', 'only these slides, e.g. 3-7,10')
    .option('--png <dir>', 'one PNG per slide into this folder')
    .option('--scale <n>', `PNG pixel density (1 = slide size, e.g. 1280×720) (default: ${EXPORT_DEFAULTS.scale})`)
    .option('--html <file>', 'the whole deck as one self-contained HTML file')
    .option('--pptx [file]', 'PowerPoint file with native text, tables and charts (default <out>/<deck-name>.pptx)')
    .option('--timeout <seconds>', `longest wait for the deck and for each printing step (default: ${EXPORT_DEFAULTS.timeout})`)
    .option('--chrome <path>', 'Chromium executable (default: CHROME_PATH, then the usual paths)')
    .option('--rebuild', 'build even when the build folder is fresh')
    .action(async (slidesDir: string, { notes: _lastOfNotesFlags, ...flags }: Omit<ExportOptions, 'slidesDir' | 'withoutNotes'>) => {
      const { exportDeck } = await import('../../export/export-deck.ts');
      const { createProgress } = await import('../../export/progress.ts');
      process.once('SIGINT', onInterrupt);
      process.once('SIGTERM', onInterrupt);
      try {
        const result = await exportDeck({ slidesDir, ...flags, notes: given.notes, withoutNotes: given.noNotes }, createProgress());
        for (const warning of result.warnings) console.error(`warning: ${warning}`);
        const perSlide = result.slides ? ` (${(result.seconds / result.slides).toFixed(3)} s per slide)` : '';
        console.error(`export done in ${result.seconds.toFixed(2)} s${perSlide}`);
      } catch (error) {
        discardAllTemporary();
        throw error;
      } finally {
        process.off('SIGINT', onInterrupt);
        process.off('SIGTERM', onInterrupt);
      }
    });
}
