import type { Command } from 'commander';

// Command modules import their work when they run: every `deck` command starts without the compiler or Vite.

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build a static deck')
    .argument('[slides-dir]', 'folder of Markdown slides', 'slides')
    .option('--out <dir>', 'output folder', 'dist')
    .action(async (slidesDir: string, options: { out: string }) => {
      const { buildDeck } = await import('../../builder/build-deck.ts');
      const { outDir, seconds } = await buildDeck({ slidesDir, outDir: options.out });
      console.log(`built ${outDir} in ${seconds.toFixed(2)} s`);
    });
}
