/** The dev server (`deck dev`) of a slides folder on a free 127.0.0.1 port, for the hot-reload tests. */
import { createServer, type ViteDevServer } from 'vite';
import { createViteConfig } from '../../src/vite/create-vite-config.ts';

export async function startDevServer(slidesDir: string): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({ ...createViteConfig({ slidesDir, port: 0 }), logLevel: 'silent' });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('dev server has no port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}
