/**
 * Font preloads of a themed page. The runtime bundle's template preloads the base theme's fonts (font-preload.ts);
 * where the deck's own fonts replace them (its body font on our default theme, whose headings follow the body
 * font unless the deck names one), those preloads would fetch files no slide uses. The deck's own faces that
 * the first slide needs (regular text and headings) are preloaded instead, so readiness does not wait for them.
 */
import { DEFAULT_THEME } from '../../themes.ts';
import { escapeHtml } from '../html/escape-html.ts';
import type { ThemeFontFace, ThemeVariables } from '../settings/theme-settings.ts';

const FONT_PRELOAD = /[ \t]*<link\b[^>]*\brel="preload"[^>]*\bas="font"[^>]*>\n?/g;
const FONT_TYPES: Record<string, string> = { woff2: 'font/woff2', woff: 'font/woff', ttf: 'font/ttf', otf: 'font/otf' };

function preloadTag(face: ThemeFontFace): string {
  const extension = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(face.url)?.[1]?.toLowerCase() ?? '';
  // `crossorigin`, as the style sheet's own font request has, or the preload is not reused.
  return `<link rel="preload" href="${escapeHtml(face.url)}" as="font" type="${FONT_TYPES[extension] ?? 'font/woff2'}" crossorigin>`;
}

/** The page's head with the theme's preloads in place of those of fonts it replaces. */
export function withThemeFontPreloads(html: string, variables: ThemeVariables, base: string): string {
  const { body, heading } = variables.fonts;
  if (!body && !heading) return html;
  const regular = body?.faces.find((face) => face.weight === '400' && face.style === 'normal');
  // Headings are bold: in the heading font, else in the body font's bold face.
  const headings = heading?.faces[0] ?? body?.faces.find((face) => face.weight === '700' && face.style === 'normal');
  const faces = [regular, headings].filter((face): face is ThemeFontFace => face !== undefined);
  const replacesBase = base === DEFAULT_THEME && body !== undefined;
  const page = replacesBase ? html.replace(FONT_PRELOAD, '') : html;
  return page.replace('</head>', () => `${faces.map(preloadTag).join('\n')}\n</head>`);
}
