import { Option, type Command } from 'commander';

// Command modules import their work when they run: every `deck` command starts without the compiler or Vite.

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build a static deck')
    .argument('[slides-dir]', 'folder of Markdown slides', 'slides')
    .option('--out <dir>', 'output folder', 'dist')
    .option('--strict', 'treat warnings (missing images, other hosts …) as errors')
    .option('--no-notes', 'leave the speaker notes out of every file (a copy to share)')
    // deck present's builds (build-in-child.ts): the runtime with its page code.
    .addOption(new Option('--present').hideHelp())
    .action(async (slidesDir: string, options: { out: string; strict?: boolean; notes: boolean; present?: boolean }) => {
      const { buildDeck } = await import('../../builder/build-deck.ts');
      const { countLabel, formatDiagnostic } = await import('../../compiler/diagnostics.ts');
      const { outDir, seconds, warnings } = await buildDeck({ slidesDir, outDir: options.out, strict: options.strict ?? false, withoutNotes: !options.notes, present: options.present ?? false });
      for (const warning of warnings) console.error(formatDiagnostic(warning));
      console.log(`built ${outDir} in ${seconds.toFixed(2)} s, ${countLabel(warnings.length, 'warning')}`);
    });
}
