/**
 * reveal.js's own themes by name (`theme: night`): the theme's stylesheet from
 * the reveal.js package with its Google Fonts `@import`s replaced by the same
 * families self-hosted from @fontsource (woff2, Latin and Latin Extended, as
 * the default theme), its fonts inlined as base64 woff (black, white, league…)
 * replaced by the same woff2 files where @fontsource has them (loaded per
 * subset and face instead of all in the stylesheet), and reveal.js's Monokai
 * for our build-time highlighted code. The deck's own features take the theme's colours through
 * src/runtime/theme/deck-features.css.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { RevealTheme } from '../themes.ts';

const require = createRequire(import.meta.url);

/** The subsets the default theme also ships; other scripts fall back to the theme's next font. */
const SUBSETS = ['latin', 'latin-ext'];

const GOOGLE_FONTS_IMPORT = /@import\s+(?:url\(\s*)?["']?(https?:\/\/fonts\.googleapis\.com\/[^"')\s]+)["']?\s*\)?\s*;/g;
const REMOTE_IMPORT = /@import\s+(?:url\(\s*)?["']?(?:https?:)?\/\//i;
/** A face the theme carries as a data URL, as reveal.js's build writes it. */
const INLINE_FACE = /@font-face\s*\{\s*font-family:\s*([^;{}]+?)\s*;\s*src:\s*url\(\s*["']?data:[^)]*\)\s*format\(\s*["']?woff2?["']?\s*\)\s*;\s*font-weight:\s*(\d+)\s*;\s*font-style:\s*(normal|italic)\s*;?\s*\}/g;

export interface FontFaceRequest {
  family: string;
  weight: number;
  style: 'normal' | 'italic';
}

export function revealThemeDir(): string {
  return dirname(require.resolve('reveal.js/theme/white.css'));
}

export function revealThemePath(theme: RevealTheme): string {
  return join(revealThemeDir(), `${theme}.css`);
}

/** `https://fonts.googleapis.com/css?family=Open+Sans:400,700italic` → the faces it asks for (Google's CSS API v1). */
export function googleFontFaces(href: string): FontFaceRequest[] {
  const url = new URL(href);
  if (url.pathname !== '/css') throw new Error(`unsupported Google Fonts URL in a reveal.js theme: ${href}`);
  return url.searchParams
    .getAll('family')
    .flatMap((families) => families.split('|'))
    .flatMap((spec) => {
      const [family = '', variants = '400'] = spec.split(':');
      return variants.split(',').map((variant): FontFaceRequest => {
        const match = /^(\d{3})?(italic)?$/.exec(variant.trim());
        if (!family.trim() || !match) throw new Error(`unsupported font "${spec}" in a reveal.js theme: ${href}`);
        return { family: family.trim(), weight: Number(match[1] ?? 400), style: match[2] ? 'italic' : 'normal' };
      });
    });
}

const fontsourcePackage = (family: string) => `@fontsource/${family.toLowerCase().replace(/["']/g, '').trim().replace(/\s+/g, '-')}`;

function fontsourceDir(family: string): string | null {
  try {
    return dirname(require.resolve(`${fontsourcePackage(family)}/unicode.json`));
  } catch {
    return null;
  }
}

/** The @font-face rules for one face from its @fontsource package; none for a face the family does not have (as Google Fonts). */
export function selfHostedFontFaces({ family, weight, style }: FontFaceRequest): string[] {
  const pkg = fontsourcePackage(family);
  const name = pkg.slice('@fontsource/'.length);
  const dir = fontsourceDir(family);
  if (!dir) throw new Error(`the reveal.js theme's font "${family}" is not installed: npm install ${pkg}`);
  const ranges = JSON.parse(readFileSync(join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
  return SUBSETS.flatMap((subset) => {
    const file = `${name}-${subset}-${weight}-${style}.woff2`;
    if (!ranges[subset] || !existsSync(join(dir, 'files', file))) return [];
    return [
      `@font-face{font-family:'${family}';font-style:${style};font-weight:${weight};font-display:swap;` +
        `src:url('${pkg}/files/${file}') format('woff2');unicode-range:${ranges[subset]}}`,
    ];
  });
}

/** A reveal.js theme's CSS as the deck uses it: fonts self-hosted, highlighting added. */
export function selfHostTheme(css: string): string {
  const faces: FontFaceRequest[] = [];
  const rest = css.replace(GOOGLE_FONTS_IMPORT, (_whole, href: string) => {
    faces.push(...googleFontFaces(href));
    return '';
  });
  if (REMOTE_IMPORT.test(rest)) throw new Error('a reveal.js theme imports a stylesheet from another host that the deck cannot self-host');
  const unlined = rest.replace(INLINE_FACE, (whole, family: string, weight: string, style: 'normal' | 'italic') => {
    const name = family.replace(/^["']|["']$/g, '');
    const files = fontsourceDir(name) ? selfHostedFontFaces({ family: name, weight: Number(weight), style }) : [];
    return files.length ? files.join('\n') : whole;
  });
  // @import first, as CSS requires; Monokai is what reveal.js's highlight plugin shows code in.
  return ["@import 'reveal.js/plugin/highlight/monokai.css';", ...faces.flatMap(selfHostedFontFaces), unlined].join('\n');
}

export function revealThemePlugin(): Plugin {
  let themes: string | null = null;
  return {
    name: 'deck-reveal-theme',
    enforce: 'pre',
    transform(code, id) {
      const file = resolve(id.split('?')[0]!);
      themes ??= revealThemeDir();
      if (dirname(file) !== themes || !file.endsWith('.css')) return null;
      return { code: selfHostTheme(code), map: null };
    },
  };
}
