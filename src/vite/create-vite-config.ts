/** The Vite configuration of a deck, shared by `vite.config.ts` and the CLI. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InlineConfig } from 'vite';
import { deckPlugin } from './deck-plugin.ts';
import { fontPreloadPlugin } from './font-preload.ts';

export const APP_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const RUNTIME_ROOT = resolve(APP_ROOT, 'src/runtime');

export interface DeckViteOptions {
  slidesDir: string;
  outDir?: string;
  host?: string;
  port?: number;
}

export function createViteConfig(options: DeckViteOptions): InlineConfig {
  const slidesDir = resolve(options.slidesDir);
  return {
    configFile: false,
    root: RUNTIME_ROOT,
    // Relative URLs: the built deck works from any folder of any static host.
    base: './',
    publicDir: false,
    logLevel: 'warn',
    plugins: [deckPlugin({ slidesDir }), fontPreloadPlugin()],
    server: {
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 5173,
      fs: { allow: [APP_ROOT, dirname(slidesDir)] },
    },
    preview: { host: options.host ?? '127.0.0.1', port: options.port ?? 4173 },
    build: {
      outDir: resolve(options.outDir ?? 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      chunkSizeWarningLimit: 200,
    },
  };
}
