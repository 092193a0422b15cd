/**
 * The deck's `theme` setting: our default theme, one of the themes reveal.js
 * ships (by name, as in reveal.js), or a CSS file of the deck. Shared by the
 * compiler (an unknown name is a warning) and the Vite side (src/vite/resolve-theme.ts).
 */

export const DEFAULT_THEME = 'default';

/**
 * The default theme's colours (src/runtime/theme/default.css sets them; tests/unit/theme-variables.test.ts
 * keeps both in step): what a deck's own colours are checked against when it changes only some of them.
 */
export const DEFAULT_THEME_COLOURS = { text: '#1b2430', background: '#ffffff', accent: '#005a9e', heading: '#0d1b2e' } as const;

/** The themes in reveal.js 6's `dist/theme/` (tests/unit/themes.test.ts keeps the list in step with the package). */
export const REVEAL_THEMES = [
  'beige',
  'black',
  'black-contrast',
  'blood',
  'dracula',
  'league',
  'moon',
  'night',
  'serif',
  'simple',
  'sky',
  'solarized',
  'white',
  'white-contrast',
] as const;

export type RevealTheme = (typeof REVEAL_THEMES)[number];

/** A theme setting that names a CSS file of the deck (relative to the slides folder). */
export const isThemeFile = (theme: string) => /\.css$/i.test(theme);

export const isRevealTheme = (theme: string): theme is RevealTheme => (REVEAL_THEMES as readonly string[]).includes(theme);

/** The default theme, a reveal.js theme or a file: anything else is unknown. */
export const isKnownTheme = (theme: string) => theme === DEFAULT_THEME || isRevealTheme(theme) || isThemeFile(theme);
