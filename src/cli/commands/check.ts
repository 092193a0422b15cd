import type { Command } from 'commander';
import { formatDiagnostic, hasErrors } from '../../compiler/index.ts';
import { compileFolder } from '../../loader/compile-folder.ts';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('compile without writing anything and report every problem')
    .argument('[slides-dir]', 'folder of Markdown slides', 'slides')
    .option('--json', 'print the findings as JSON')
    .action(async (slidesDir: string, options: { json?: boolean }) => {
      const deck = compileFolder(slidesDir);
      const errors = deck.diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = deck.diagnostics.length - errors;
      if (options.json) {
        console.log(JSON.stringify({ slides: deck.slides.length, errors, warnings, diagnostics: deck.diagnostics }, null, 2));
      } else {
        for (const d of deck.diagnostics) console.log(formatDiagnostic(d));
        console.log(`${deck.slides.length} slides: ${errors} error(s), ${warnings} warning(s)`);
      }
      if (hasErrors(deck.diagnostics)) process.exitCode = 1;
    });
}
