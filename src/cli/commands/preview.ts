import { existsSync } from 'node:fs';
import type { Command } from 'commander';

export function registerPreview(program: Command): void {
  program
    .command('preview')
    .description('serve a built deck (built first if the output is missing)')
    .argument('[slides-dir]', 'folder of Markdown slides', 'slides')
    .option('--out <dir>', 'built folder', 'dist')
    .option('--host <host>', 'host to listen on', '127.0.0.1')
    .option('--port <port>', 'port', (v) => Number.parseInt(v, 10), 4173)
    .option('--build', 'build before serving')
    .action(async (slidesDir: string, options: { out: string; host: string; port: number; build?: boolean }) => {
      const { preview } = await import('vite');
      const { createViteConfig } = await import('../../vite/create-vite-config.ts');
      const { buildDeck } = await import('../../builder/build-deck.ts');
      if (options.build || !existsSync(options.out)) {
        const { formatDiagnostic } = await import('../../compiler/diagnostics.ts');
        for (const warning of (await buildDeck({ slidesDir, outDir: options.out })).warnings) console.error(formatDiagnostic(warning));
      }
      const server = await preview({ ...createViteConfig({ slidesDir, outDir: options.out, host: options.host, port: options.port }), logLevel: 'info' });
      server.printUrls();
    });
}
