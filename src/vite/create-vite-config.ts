/**
 * Vite configurations: a deck's dev server, preview and `vite build`, shared by
 * `vite.config.ts` and the CLI; and the runtime bundle that builds copy
 * (src/builder/runtime-bundle.ts).
 */
import { dirname, resolve } from 'node:path';
import { APP_ROOT, RUNTIME_ROOT } from '../app-paths.ts';
import type { BuildEnvironmentOptions, InlineConfig } from 'vite';
import { deckPlugin } from './deck-plugin.ts';
import { fontPreloadPlugin } from './font-preload.ts';
import { revealThemePlugin } from './reveal-theme-plugin.ts';
import { themePlugin } from './theme-plugin.ts';

export interface DeckViteOptions {
  slidesDir: string;
  outDir?: string;
  host?: string;
  port?: number;
}

/**
 * Whether the runtime carries `deck present`'s page code (src/runtime/present/): a constant the bundler
 * replaces, so every other build leaves that code out, not only unloaded. Declared for the runtime in
 * src/runtime/build-constants.d.ts.
 */
export const PRESENT_MODE_CONSTANT = '__DECK_PRESENT__';

const presentMode = (on: boolean) => ({ [PRESENT_MODE_CONSTANT]: JSON.stringify(on) });

/** What every configuration here shares: the runtime's folder as root, relative URLs (the built deck works from any folder of any static host). */
const RUNTIME_BASE = {
  configFile: false,
  root: RUNTIME_ROOT,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  define: presentMode(false),
} as const satisfies InlineConfig;

const BUILD: BuildEnvironmentOptions = {
  emptyOutDir: true,
  target: 'es2022',
  reportCompressedSize: false,
  chunkSizeWarningLimit: 200,
};

/** One script and one stylesheet, every asset a data URL: for the single-file HTML export. */
const SINGLE_FILE_BUILD: BuildEnvironmentOptions = {
  ...BUILD,
  assetsInlineLimit: () => true,
  cssCodeSplit: false,
  modulePreload: false,
  chunkSizeWarningLimit: Number.POSITIVE_INFINITY,
  rolldownOptions: { output: { codeSplitting: false } },
};

export function createViteConfig(options: DeckViteOptions): InlineConfig {
  const slidesDir = resolve(options.slidesDir);
  return {
    ...RUNTIME_BASE,
    plugins: [deckPlugin({ slidesDir }), revealThemePlugin(), fontPreloadPlugin()],
    server: {
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 5173,
      fs: { allow: [APP_ROOT, dirname(slidesDir)] },
    },
    preview: { host: options.host ?? '127.0.0.1', port: options.port ?? 4173 },
    build: { ...BUILD, outDir: resolve(options.outDir ?? 'dist') },
  };
}

export interface RuntimeViteOptions {
  /** The theme stylesheet the runtime imports as `virtual:deck-theme.css`. */
  themePath: string;
  outDir: string;
  /** Everything inlined into one script and one stylesheet. @defaultValue false */
  singleFile?: boolean;
  /** With `deck present`'s page code (the remote, the audience following, the relay's client). @defaultValue false */
  present?: boolean;
}

export function createRuntimeViteConfig(options: RuntimeViteOptions): InlineConfig {
  return {
    ...RUNTIME_BASE,
    define: presentMode(options.present ?? false),
    plugins: [themePlugin(options.themePath), revealThemePlugin(), fontPreloadPlugin()],
    build: { ...(options.singleFile ? SINGLE_FILE_BUILD : BUILD), outDir: resolve(options.outDir) },
  };
}
