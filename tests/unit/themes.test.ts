/** Theme names: reveal.js's themes by name with their fonts self-hosted, an unknown name a warning; which fonts are preloaded. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeckSettings } from '../../src/compiler/settings/deck-settings.ts';
import { REVEAL_THEMES } from '../../src/themes.ts';
import { essentialWoff2Urls, rangeCoversLatinLetters } from '../../src/vite/font-preload.ts';
import { resolveTheme } from '../../src/vite/resolve-theme.ts';
import { googleFontFaces, revealThemeDir, selfHostTheme } from '../../src/vite/reveal-theme-plugin.ts';

const require = createRequire(import.meta.url);

describe('reveal.js themes', () => {
  it('are every theme reveal.js ships', () => {
    const shipped = readdirSync(revealThemeDir()).filter((file) => file.endsWith('.css')).map((file) => file.replace(/\.css$/, ''));
    expect([...REVEAL_THEMES].sort()).toEqual(shipped.sort());
  });

  it.each(REVEAL_THEMES.map((theme) => [theme]))('%s: resolves to reveal.js’s file and loads nothing from another host', (theme) => {
    const path = resolveTheme(theme, '/nowhere');
    expect(path).toBe(join(revealThemeDir(), `${theme}.css`));
    const original = readFileSync(path, 'utf8');
    const css = selfHostTheme(original);
    expect(css).not.toMatch(/https?:\/\//);
    // Fonts reveal.js inlines (Source Sans Pro, League Gothic) come as woff2 files instead, loaded per face.
    expect(css).not.toContain('data:font');
    // Every family the theme asked Google for has upright Latin faces here, each file installed.
    const asked = Array.from(original.matchAll(/fonts\.googleapis\.com\/css\?family=([^"')]+)/g), (m) => decodeURIComponent(m[1]!.split(':')[0]!.replace(/\+/g, ' ')));
    for (const family of asked) expect(css).toMatch(new RegExp(`font-family:'${family}';font-style:normal;font-weight:\\d+;[^}]*-latin-`));
    for (const [, url] of css.matchAll(/url\('(@fontsource\/[^']+)'\)/g)) expect(existsSync(require.resolve(url!)), url).toBe(true);
  });

  it('replaces a font inlined as a data URL by the same face of its @fontsource package, and keeps one it cannot', () => {
    const inline = (family: string) => `@font-face{font-family:${family};src:url(data:font/woff;base64,d09GRg==)format("woff");font-weight:600;font-style:italic}`;
    const css = selfHostTheme(`${inline('Source Sans Pro')}${inline('No Such Family')}.reveal{color:red}`);
    expect(css).toContain("font-family:'Source Sans Pro';font-style:italic;font-weight:600;");
    expect(css).toContain("url('@fontsource/source-sans-pro/files/source-sans-pro-latin-600-italic.woff2')");
    expect(css).toContain(inline('No Such Family'));
    expect(css).toContain('.reveal{color:red}');
  });

  it('reads what a Google Fonts link asks for', () => {
    expect(googleFontFaces('https://fonts.googleapis.com/css?family=Open+Sans:400,700italic')).toEqual([
      { family: 'Open Sans', weight: 400, style: 'normal' },
      { family: 'Open Sans', weight: 700, style: 'italic' },
    ]);
    expect(googleFontFaces('https://fonts.googleapis.com/css?family=Montserrat')).toEqual([{ family: 'Montserrat', weight: 400, style: 'normal' }]);
    expect(() => googleFontFaces('https://fonts.googleapis.com/css2?family=Lato:wght@400')).toThrow(/unsupported/);
  });

  it('stops with the package to install for a font that is not installed', () => {
    expect(() => selfHostTheme('@import "https://fonts.googleapis.com/css?family=No+Such+Family";')).toThrow('npm install @fontsource/no-such-family');
  });
});

describe('the theme setting', () => {
  it('takes a reveal.js theme by name', () => {
    const { settings, diagnostics } = parseDeckSettings('title: T\ntheme: night\n', 'deck.yaml', 1);
    expect(diagnostics).toEqual([]);
    expect(settings.theme).toBe('night');
  });

  it('warns at its line about an unknown name and uses the default theme', () => {
    const { settings, diagnostics } = parseDeckSettings('title: T\ntheme: nite\n', 'deck.yaml', 1);
    expect(settings.theme).toBe('default');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'unknown-theme', file: 'deck.yaml', line: 2 })]);
    expect(diagnostics[0]!.message).toContain('unknown theme "nite"');
  });

  it('keeps a CSS file of the deck', () => {
    expect(parseDeckSettings('theme: my-theme.css\n', 'deck.yaml', 1)).toMatchObject({ settings: { theme: 'my-theme.css' }, diagnostics: [] });
  });
});

describe('font preloading', () => {
  it('knows which unicode ranges take in Latin letters, minified or not', () => {
    expect(rangeCoversLatinLetters('U+0000-00FF,U+0131')).toBe(true);
    expect(rangeCoversLatinLetters('U+??,U+131')).toBe(true);
    expect(rangeCoversLatinLetters('U+0-7F')).toBe(true);
    expect(rangeCoversLatinLetters('U+100-2BA,U+2BD-2C5')).toBe(false);
    expect(rangeCoversLatinLetters('U+0400-045F')).toBe(false);
  });

  it('preloads the upright Latin faces, not italics or other subsets', () => {
    const css = [
      '@font-face{font-family:A;font-style:normal;src:url(./a-latin-400-normal.woff2)format("woff2");unicode-range:U+??,U+131}',
      '@font-face{font-family:A;font-style:normal;src:url(./a-latin-ext-400-normal.woff2)format("woff2");unicode-range:U+100-2BA}',
      '@font-face{font-family:A;font-style:italic;src:url(./a-latin-400-italic.woff2)format("woff2");unicode-range:U+??}',
      "@font-face{font-family:B;font-weight:700;src:url('./b-700.woff2') format('woff2')}",
    ].join('');
    expect(essentialWoff2Urls(css)).toEqual(['./a-latin-400-normal.woff2', './b-700.woff2']);
  });
});
