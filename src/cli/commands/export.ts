/**
 * `deck export [slides-dir]`: PDF slides, a PDF handout with notes, PNGs and a
 * single-file HTML deck in one command. Progress on a terminal, plain lines in
 * CI; an interrupt removes any half-written file before exiting.
 */
import type { Command } from 'commander';
import { discardAllTemporary } from '../../export/atomic-file.ts';
import { exportDeck } from '../../export/export-deck.ts';
import type { ExportOptions } from '../../export/export-options.ts';
import { createProgress } from '../../export/progress.ts';
import { CliError } from '../../errors.ts';

interface ExportFlags {
  out: string;
  pdf?: string | boolean;
  notes?: boolean;
  fragments?: boolean;
  range?: string;
  png?: string;
  scale: string;
  html?: string;
  timeout: string;
  chrome?: string;
  rebuild?: boolean;
}

function positiveNumber(flag: string, value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new CliError(`${flag} needs a positive number, not "${value}"`);
  return number;
}

function onInterrupt(signal: NodeJS.Signals): void {
  discardAllTemporary();
  console.error(`export interrupted (${signal}): no file written`);
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export the deck: PDF slides (default), PDF handout with notes, PNGs, single-file HTML')
    .argument('[slides-dir]', 'folder of Markdown slides', 'slides')
    .option('--out <dir>', 'build folder (reused when fresh)', 'dist')
    .option('--pdf [file]', 'slides PDF (default <out>/<deck-name>.pdf)')
    .option('--notes', 'handout instead: each slide with its full speaker notes (to --pdf file or <out>/<deck-name>-notes.pdf)')
    .option('--fragments', 'one page (or PNG) per fragment step')
    .option('--range <slides>', 'only these slides, e.g. 3-7,10')
    .option('--png <dir>', 'one PNG per slide into this folder')
    .option('--scale <n>', 'PNG pixel density (1 = slide size, e.g. 1280×720)', '1')
    .option('--html <file>', 'the whole deck as one self-contained HTML file')
    .option('--timeout <seconds>', 'longest wait for the deck and for each printing step', '60')
    .option('--chrome <path>', 'Chromium executable (default: CHROME_PATH, then the usual paths)')
    .option('--rebuild', 'build even when the build folder is fresh')
    .action(async (slidesDir: string, flags: ExportFlags) => {
      const options: ExportOptions = {
        slidesDir,
        outDir: flags.out,
        ...(flags.pdf !== undefined && { pdf: flags.pdf }),
        notes: flags.notes ?? false,
        fragments: flags.fragments ?? false,
        ...(flags.range !== undefined && { range: flags.range }),
        ...(flags.png !== undefined && { png: flags.png }),
        scale: positiveNumber('--scale', flags.scale),
        ...(flags.html !== undefined && { html: flags.html }),
        timeoutSeconds: positiveNumber('--timeout', flags.timeout),
        ...(flags.chrome !== undefined && { chrome: flags.chrome }),
        rebuild: flags.rebuild ?? false,
      };
      process.once('SIGINT', onInterrupt);
      process.once('SIGTERM', onInterrupt);
      try {
        const result = await exportDeck(options, createProgress());
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
