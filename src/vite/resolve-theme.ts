/** A theme is our default theme, a reveal.js theme by name, or a CSS file relative to the slides folder (src/themes.ts). */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_THEME, isRevealTheme, isThemeFile } from '../themes.ts';
import { revealThemePath } from './reveal-theme-plugin.ts';

const THEMES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../runtime/theme');

/** A theme setting that names a built-in theme (ours or reveal.js's), not a file of the deck. */
export const isBuiltInTheme = (theme: string) => !isThemeFile(theme);

export function resolveTheme(theme: string, slidesDir: string): string {
  if (isThemeFile(theme)) {
    const path = resolve(slidesDir, theme);
    if (!existsSync(path)) throw new Error(`theme file not found: ${path}`);
    return path;
  }
  if (isRevealTheme(theme)) return revealThemePath(theme);
  // The compiler replaces an unknown name by the default with a warning (deck-settings.ts).
  if (theme !== DEFAULT_THEME) throw new Error(`unknown theme "${theme}": use "default", a reveal.js theme or a path to a .css file`);
  return join(THEMES_DIR, 'default.css');
}
