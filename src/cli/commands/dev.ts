import type { Command } from 'commander';

export function registerDev(program: Command): void {
  program
    .command('dev')
    .description('serve the deck with hot reload')
    .argument('[slides-dir]', 'folder of Markdown slides', 'slides')
    .option('--host <host>', 'host to listen on', '127.0.0.1')
    .option('--port <port>', 'port', (v) => Number.parseInt(v, 10), 5173)
    .action(async (slidesDir: string, options: { host: string; port: number }) => {
      const { createServer } = await import('vite');
      const { createViteConfig } = await import('../../vite/create-vite-config.ts');
      const server = await createServer({ ...createViteConfig({ slidesDir, host: options.host, port: options.port }), logLevel: 'info' });
      await server.listen();
      server.printUrls();
    });
}
