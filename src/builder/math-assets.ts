/**
 * KaTeX's stylesheet and fonts, self-hosted and shipped only with decks that have math: the
 * compiler marks such slides (`usage.math`), and the build writes the stylesheet with its woff2
 * fonts beside the page and links it. The fonts' woff and ttf fallbacks are left out (every
 * browser that runs the deck reads woff2); the single-file HTML gets the fonts as data URLs.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Slide } from '../types.ts';

const require = createRequire(import.meta.url);

/** KaTeX's own stylesheet in node_modules (its fonts are in `fonts/` beside it). */
export const KATEX_STYLESHEET = require.resolve('katex/dist/katex.min.css');
const KATEX_VERSION = (require('katex/package.json') as { version: string }).version;

/** Where a built deck has them, relative to its page: versioned, so a cached old copy is never used. */
export const MATH_ASSETS_DIR = `assets/katex-${KATEX_VERSION}`;

export function deckUsesMath(slides: readonly Pick<Slide, 'usage'>[]): boolean {
  return slides.some((slide) => slide.usage?.math);
}

const FONT_URL = /url\((fonts\/[^)]+\.woff2)\)/g;
const OTHER_FORMATS = /,url\(fonts\/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g;

/**
 * Writes the stylesheet (and, unless inlined, its fonts) into the built deck `dir`; returns the
 * stylesheet's URL relative to the page.
 */
export function writeMathAssets(dir: string, options: { inlineFonts: boolean }): string {
  const source = dirname(KATEX_STYLESHEET);
  const css = readFileSync(KATEX_STYLESHEET, 'utf8').replace(OTHER_FORMATS, '');
  const target = join(dir, MATH_ASSETS_DIR);
  mkdirSync(options.inlineFonts ? target : join(target, 'fonts'), { recursive: true });
  const fonts = new Set<string>();
  const written = css.replace(FONT_URL, (_, font: string) => {
    fonts.add(font);
    return `url(${options.inlineFonts ? `data:font/woff2;base64,${readFileSync(join(source, font)).toString('base64')}` : font})`;
  });
  if (!options.inlineFonts) for (const font of fonts) writeFileSync(join(target, font), readFileSync(join(source, font)));
  writeFileSync(join(target, 'katex.css'), written);
  return `./${MATH_ASSETS_DIR}/katex.css`;
}
