/**
 * The deck runtime (reveal.js, charts, speaker view, theme, fonts) bundled by
 * Vite once, without any deck in it: the page template `index.html` (with the
 * slides marker) and its `assets/`. A build copies it and puts the deck into
 * the template, so building a deck is compiling its Markdown, not bundling.
 *
 * With a built-in theme the bundle depends only on the app's sources, and is
 * cached under `node_modules/.cache/markdown-deck/` by their hash (the first
 * build after an install or a change of the runtime bundles it, ~1 s), and
 * the entries of older sources are removed then. A deck's own theme file is
 * bundled with each build.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { APP_CACHE, APP_ROOT } from '../app-paths.ts';
import { createRuntimeViteConfig } from '../vite/create-vite-config.ts';
import { isBuiltInTheme } from '../vite/resolve-theme.ts';
import { hashFiles } from './hash-files.ts';
import { markUsed, pruneRuntimeCache } from './prune-runtime-cache.ts';
import { RuntimeNotCachedError } from '../errors.ts';

/** What the runtime bundle is made of besides the theme: its sources, the Vite plugins that shape it, the dependency versions. */
export const RUNTIME_INPUTS = ['src/runtime', 'src/vite', 'src/types.ts', 'src/app-paths.ts', 'src/page-contract.ts', 'src/strings', 'src/themes.ts', 'package-lock.json'];

export const RUNTIME_CACHE = APP_CACHE;

export interface RuntimeBundle {
  /** Folder with `index.html` (the template) and `assets/`. */
  dir: string;
  /** Whether it came from the cache. */
  cached: boolean;
  /** Removes the bundle if it is not a cached one. */
  release(): void;
}

export interface RuntimeBundleOptions {
  /** Everything inlined into one script and one stylesheet (the single-file HTML export). */
  singleFile: boolean;
  /** With `deck present`'s page code (its builds only). @defaultValue false */
  present?: boolean;
  /** Fail with `RuntimeNotCachedError` rather than bundle the runtime (load Vite). @defaultValue false */
  cachedOnly?: boolean;
}

export function runtimeCacheDir(theme: string, options: RuntimeBundleOptions): string {
  const variant = `${options.singleFile ? 'single-file' : 'split'}${options.present ? '-present' : ''}`;
  const hash = hashFiles([{ base: APP_ROOT, paths: RUNTIME_INPUTS.map((path) => join(APP_ROOT, path)), label: 'app' }], `${theme}:${variant}`);
  return join(RUNTIME_CACHE, `runtime-${theme}-${variant}-${hash.slice(0, 16)}`);
}

async function bundleRuntime(themePath: string, outDir: string, options: RuntimeBundleOptions): Promise<void> {
  // Vite is loaded only when a runtime has to be bundled.
  const { build } = await import('vite');
  await build({ ...createRuntimeViteConfig({ themePath, outDir, singleFile: options.singleFile, present: options.present ?? false }), logLevel: 'silent' });
}

/** `theme`: the deck's setting (a built-in name or a file); `themePath`: that theme's stylesheet. */
export async function ensureRuntimeBundle(theme: string, themePath: string, options: RuntimeBundleOptions): Promise<RuntimeBundle> {
  // A deck's own theme is bundled for each build; a built-in one once, into the cache.
  const dir = isBuiltInTheme(theme) ? runtimeCacheDir(theme, options) : null;
  // Touched on each use: pruning (prune-runtime-cache.ts) keeps what builds use.
  const cached = dir !== null && existsSync(join(dir, 'index.html')) && markUsed(dir);
  if (options.cachedOnly && !cached) throw new RuntimeNotCachedError(theme);
  if (dir === null) {
    const own = join(mkdtempSync(join(tmpdir(), 'deck-runtime-')), 'runtime');
    const release = () => rmSync(join(own, '..'), { recursive: true, force: true });
    try {
      await bundleRuntime(themePath, own, options);
    } catch (error) {
      release();
      throw error;
    }
    return { dir: own, cached: false, release };
  }
  const keep = { dir, cached: true, release: () => undefined };
  if (cached) return keep;
  // Bundled beside its final name and renamed: a crash leaves no half-written cache entry,
  // and of two builds bundling at once, the second to finish uses the first one's.
  mkdirSync(RUNTIME_CACHE, { recursive: true });
  const temporary = `${dir}.tmp-${process.pid}-${Date.now()}`;
  try {
    await bundleRuntime(themePath, temporary, options);
    renameSync(temporary, dir);
    pruneRuntimeCache(RUNTIME_CACHE, basename(dir));
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    if (!existsSync(join(dir, 'index.html'))) throw error;
  }
  return { ...keep, cached: false };
}
