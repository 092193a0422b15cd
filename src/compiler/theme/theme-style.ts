/**
 * The deck's theme variables as the page's own style sheet: its font faces (files of the deck) and the
 * custom properties of its colours and fonts, set on the root over the base theme's (the runtime bundle
 * stays the same for every deck). With our default theme as base, the shades it derives from text and
 * background (muted text, rules, code blocks, chart grid lines) follow the deck's colours too.
 */
import { colord, extend } from 'colord';
import a11yPlugin from 'colord/plugins/a11y';
import mixPlugin from 'colord/plugins/mix';
import { THEME_COLOUR_PROPERTIES, THEME_FONT_PROPERTIES } from '../../page-contract.ts';
import { DEFAULT_THEME, DEFAULT_THEME_COLOURS } from '../../themes.ts';
import type { ThemeColourName, ThemeFontRole, ThemeVariables } from '../settings/theme-settings.ts';

extend([a11yPlugin, mixPlugin]);

/** What follows the deck's font where a glyph or the file is missing. */
const FALLBACK_FONTS: Record<ThemeFontRole, string> = {
  body: "'Helvetica Neue', Arial, sans-serif",
  heading: "'Helvetica Neue', Arial, sans-serif",
  code: "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace",
};

const FONT_FORMATS: Record<string, string> = { woff2: 'woff2', woff: 'woff', ttf: 'truetype', otf: 'opentype' };

/** A CSS string: quotes, backslashes, line ends and `<` (which could end the `<style>`) escaped. */
export function cssString(text: string): string {
  return `'${text.replace(/[\\'\n\r<]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}'`;
}

function fontFormat(url: string): string {
  const extension = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(url)?.[1]?.toLowerCase() ?? '';
  return FONT_FORMATS[extension] ?? 'woff2';
}

/**
 * Muted text: the text colour moved toward the background as far as it stays AA-readable (4.5:1);
 * rules, code blocks and chart grid lines: light shades of the text on the background.
 */
function derivedShades(colours: ThemeVariables['colors']): string[] {
  if (!colours.text && !colours.background) return [];
  const text = colord(colours.text ?? DEFAULT_THEME_COLOURS.text);
  const background = colours.background ?? DEFAULT_THEME_COLOURS.background;
  const muted = [0.4, 0.3, 0.2, 0.1].map((share) => text.mix(background, share)).find((shade) => shade.contrast(background) >= 4.5) ?? text;
  return [
    `--deck-muted:${muted.toHex()}`,
    `--deck-rule:${text.mix(background, 0.8).toHex()}`,
    `--deck-code-background:${text.mix(background, 0.95).toHex()}`,
    `--deck-chart-grid:${text.alpha(0.14).toRgbString()}`,
  ];
}

/** Title and section slides take a dark heading colour as their background where white text reads on it at AAA (7:1). */
function titleBackground(colours: ThemeVariables['colors']): string[] {
  return colours.heading && colord(colours.heading).contrast('#ffffff') >= 7 ? [`--deck-dark-background:${colours.heading}`] : [];
}

/** The style sheet's text, or `''` when the theme sets no colour or font. */
export function themeStyleSheet(variables: ThemeVariables, base: string): string {
  const declarations: string[] = [];
  for (const [name, value] of Object.entries(variables.colors) as [ThemeColourName, string][]) {
    for (const property of THEME_COLOUR_PROPERTIES[name]) declarations.push(`${property}:${value}`);
  }
  // The shades and the title slides' background are our default theme's; a reveal.js theme derives its own.
  if (base === DEFAULT_THEME) declarations.push(...derivedShades(variables.colors), ...titleBackground(variables.colors));
  const faces: string[] = [];
  for (const [role, font] of Object.entries(variables.fonts) as [ThemeFontRole, ThemeVariables['fonts'][ThemeFontRole] & object][]) {
    for (const property of THEME_FONT_PROPERTIES[role]) declarations.push(`${property}:${cssString(font.family)}, ${FALLBACK_FONTS[role]}`);
    for (const face of font.faces) {
      faces.push(
        `@font-face{font-family:${cssString(font.family)};src:url(${cssString(face.url)}) format('${fontFormat(face.url)}');` +
          `font-weight:${face.weight};font-style:${face.style};font-display:swap}`,
      );
    }
  }
  // `html:root` outranks the themes' `:root`, whichever style sheet comes later (the dev server adds them after the page's).
  return [...faces, ...(declarations.length ? [`html:root{${declarations.join(';')}}`] : [])].join('\n');
}
