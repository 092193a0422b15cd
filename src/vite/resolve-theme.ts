/** A theme is a built-in name (`default`) or a CSS file relative to the slides folder. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const THEMES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../runtime/theme');

/** A theme setting that names a built-in theme (not a file of the deck). */
export const isBuiltInTheme = (theme: string) => !/\.css$/i.test(theme);

export function resolveTheme(theme: string, slidesDir: string): string {
  if (!isBuiltInTheme(theme)) {
    const path = resolve(slidesDir, theme);
    if (!existsSync(path)) throw new Error(`theme file not found: ${path}`);
    return path;
  }
  const builtIn = join(THEMES_DIR, `${theme}.css`);
  if (!existsSync(builtIn)) throw new Error(`unknown theme "${theme}": use "default" or a path to a .css file`);
  return builtIn;
}
