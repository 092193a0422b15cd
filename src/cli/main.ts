/** The `deck` command line: dev, build, preview, check (and export, added by its own module). */
import { Command } from 'commander';
import { createServer, preview } from 'vite';
import { formatDiagnostic, hasErrors } from '../compiler/index.ts';
import { compileFolder } from '../loader/compile-folder.ts';
import { createViteConfig } from '../vite/create-vite-config.ts';
import { buildDeck } from './build-deck.ts';
import { CliError } from './cli-error.ts';

const program = new Command('deck')
  .description('Markdown slides → reveal.js deck with validated charts')
  .option('--debug', 'show stack traces');

program
  .command('dev')
  .description('serve the deck with hot reload')
  .argument('[slides-dir]', 'folder of Markdown slides', 'slides')
  .option('--host <host>', 'host to listen on', '127.0.0.1')
  .option('--port <port>', 'port', (v) => Number.parseInt(v, 10), 5173)
  .action(async (slidesDir: string, options: { host: string; port: number }) => {
    const server = await createServer({ ...createViteConfig({ slidesDir, host: options.host, port: options.port }), logLevel: 'info' });
    await server.listen();
    server.printUrls();
  });

program
  .command('build')
  .description('build a static deck')
  .argument('[slides-dir]', 'folder of Markdown slides', 'slides')
  .option('--out <dir>', 'output folder', 'dist')
  .action(async (slidesDir: string, options: { out: string }) => {
    const { outDir, seconds } = await buildDeck({ slidesDir, outDir: options.out });
    console.log(`built ${outDir} in ${seconds.toFixed(2)} s`);
  });

program
  .command('preview')
  .description('serve a built deck')
  .argument('[slides-dir]', 'folder of Markdown slides (built first if the output is missing)', 'slides')
  .option('--out <dir>', 'built folder', 'dist')
  .option('--host <host>', 'host to listen on', '127.0.0.1')
  .option('--port <port>', 'port', (v) => Number.parseInt(v, 10), 4173)
  .option('--build', 'build before serving')
  .action(async (slidesDir: string, options: { out: string; host: string; port: number; build?: boolean }) => {
    const { existsSync } = await import('node:fs');
    if (options.build || !existsSync(options.out)) await buildDeck({ slidesDir, outDir: options.out });
    const server = await preview({ ...createViteConfig({ slidesDir, outDir: options.out, host: options.host, port: options.port }), logLevel: 'info' });
    server.printUrls();
  });

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

try {
  await program.parseAsync();
} catch (error) {
  const debug = program.opts<{ debug?: boolean }>().debug;
  if (error instanceof CliError && !debug) console.error(error.message);
  else console.error(debug && error instanceof Error ? error.stack : String(error instanceof Error ? error.message : error));
  process.exitCode = error instanceof CliError ? error.exitCode : 1;
}
