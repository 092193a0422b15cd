/** The `theme` setting as a mapping: what it gives, what it takes, and its errors and warnings at their lines in deck.yaml. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseDeckSettings } from '../../src/compiler/settings/deck-settings.ts';
import { familyFromFile } from '../../src/compiler/settings/theme-settings.ts';

const parse = (yaml: string) => parseDeckSettings(yaml, 'slides/deck.yaml', 1);

describe('the theme setting as a mapping', () => {
  it('keeps the string form: a name is the base theme, without variables', () => {
    expect(parse('theme: night\n')).toMatchObject({ settings: { theme: 'night', themeVariables: null }, diagnostics: [], themeFiles: [] });
    expect(DEFAULT_SETTINGS).toMatchObject({ theme: 'default', themeVariables: null });
  });

  it('gives the base theme and the variables, colours as hex, fonts as faces, logo and footer with their defaults', () => {
    const { settings, diagnostics, themeFiles } = parse(
      [
        'theme:',
        '  base: white',
        '  colors:',
        '    text: rgb(20, 20, 20)',
        '    accent: navy',
        '  fonts:',
        '    body: assets/fonts/Brand-Regular.woff2',
        '    heading: assets/fonts/BrandDisplay-Bold.ttf',
        '    code:',
        '      family: Brand Mono',
        '      regular: assets/fonts/mono.woff',
        '      bold: assets/fonts/mono-bold.woff',
        '  logo: assets/logo.svg',
        '  footer: Vertraulich · Strategie-Team',
      ].join('\n'),
    );
    expect(diagnostics).toEqual([]);
    expect(settings.theme).toBe('white');
    expect(settings.themeVariables).toEqual({
      colors: { text: '#141414', accent: '#000080' },
      fonts: {
        body: { family: 'Brand', faces: [{ url: 'assets/fonts/Brand-Regular.woff2', weight: '400', style: 'normal' }] },
        // A heading face alone is drawn as it is at every weight (no synthetic bold on a bold file).
        heading: { family: 'BrandDisplay', faces: [{ url: 'assets/fonts/BrandDisplay-Bold.ttf', weight: '100 900', style: 'normal' }] },
        code: {
          family: 'Brand Mono',
          faces: [
            { url: 'assets/fonts/mono.woff', weight: '400', style: 'normal' },
            { url: 'assets/fonts/mono-bold.woff', weight: '700', style: 'normal' },
          ],
        },
      },
      logo: { src: 'assets/logo.svg', corner: 'top-right', hideOnTitle: false },
      footer: { text: 'Vertraulich · Strategie-Team', hideOnTitle: false },
    });
    // Every file with the line that names it, for the reference check.
    expect(themeFiles).toEqual([
      { url: 'assets/fonts/Brand-Regular.woff2', line: 7 },
      { url: 'assets/fonts/BrandDisplay-Bold.ttf', line: 8 },
      { url: 'assets/fonts/mono.woff', line: 11 },
      { url: 'assets/fonts/mono-bold.woff', line: 12 },
      { url: 'assets/logo.svg', line: 13 },
    ]);
  });

  it('takes the logo and footer as mappings: corner and hiding on the title slide', () => {
    const { settings, diagnostics } = parse('theme:\n  logo: { src: logo.png, corner: bottom-left, hideOnTitle: true }\n  footer: { text: Intern, hideOnTitle: true }\n');
    expect(diagnostics).toEqual([]);
    expect(settings.themeVariables).toMatchObject({ logo: { src: 'logo.png', corner: 'bottom-left', hideOnTitle: true }, footer: { text: 'Intern', hideOnTitle: true } });
    expect(settings.theme).toBe('default');
  });

  it('makes the accent the charts’ first palette colour, after the deck’s own', () => {
    expect(parse('theme:\n  colors: { accent: "#7b1fa2" }\n').settings.palette).toMatchObject({ primary: '#7b1fa2', accent: '#7b1fa2' });
    const own = parse('palette:\n  brand: "#112233"\ntheme:\n  colors: { accent: "#7b1fa2" }\n').settings.palette;
    expect(Object.values(own).slice(0, 2)).toEqual(['#112233', '#7b1fa2']);
  });

  it.each([
    ['theme: 5\n', 1, '"theme" must be a theme name (default, a reveal.js theme), a .css file or a mapping of base, colors, fonts, logo and footer, got 5'],
    ['theme:\n  colors:\n    text: "#12345680"\n', 3, '"theme.colors.text" must be an opaque CSS colour such as #0078d4, rgb(0, 120, 212) or navy, got a string ("#12345680")'],
    ['theme:\n  colors:\n    heading: bluish\n', 3, '"theme.colors.heading" must be an opaque CSS colour such as #0078d4, rgb(0, 120, 212) or navy, got a string ("bluish")'],
    ['theme:\n  fonts:\n    body: fonts/brand.css\n', 3, '"theme.fonts.body" must be a font file (.woff2, .woff, .ttf or .otf) relative to the slides folder, got a string ("fonts/brand.css")'],
    ['theme:\n  fonts:\n    body:\n      bold: b.woff2\n', 3, 'missing required key "regular" in "theme.fonts.body"'],
    ['theme:\n  fonts:\n    body: 3\n', 3, '"theme.fonts.body" must be a font file (.woff2, .woff, .ttf or .otf) or a mapping of regular, bold, italic, boldItalic and family, got 3'],
    ['theme:\n  logo:\n    src: logo.pdf\n', 3, '"theme.logo.src" must be an image file (.svg, .png, .jpg, .webp, .gif or .avif) relative to the slides folder, got a string ("logo.pdf")'],
    ['theme:\n  logo: { src: a.svg, corner: top }\n', 2, '"theme.logo.corner" must be one of top-left, top-right, bottom-left, bottom-right; got "top"'],
    ['theme:\n  footer: ""\n', 2, '"theme.footer" must not be empty'],
  ])('explains %j at its line', (yaml, line, message) => {
    expect(parse(yaml).diagnostics).toEqual([{ severity: 'error', code: 'settings-schema', file: 'slides/deck.yaml', line, message }]);
  });

  it('warns about unknown keys inside the theme at their line, with the key they probably are, and keeps the rest', () => {
    const { settings, diagnostics } = parse('theme:\n  colours:\n    text: "#000000"\n  colors:\n    txet: "#000000"\n    accent: "#005a9e"\n  logo: { src: a.svg, hideOnTittle: true }\n');
    expect(diagnostics).toEqual([
      { severity: 'warning', code: 'unknown-setting', file: 'slides/deck.yaml', line: 2, message: 'unknown key "colours" in "theme" (ignored; did you mean "colors"?)' },
      { severity: 'warning', code: 'unknown-setting', file: 'slides/deck.yaml', line: 5, message: 'unknown key "txet" in "theme.colors" (ignored; did you mean "text"?)' },
      { severity: 'warning', code: 'unknown-setting', file: 'slides/deck.yaml', line: 7, message: 'unknown key "hideOnTittle" in "theme.logo" (ignored; did you mean "hideOnTitle"?)' },
    ]);
    expect(settings.themeVariables?.colors).toEqual({ accent: '#005a9e' });
  });

  it('warns at the base’s line about an unknown base theme and uses the default', () => {
    const { settings, diagnostics } = parse('title: T\ntheme:\n  base: nite\n  footer: F\n');
    expect(settings.theme).toBe('default');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'unknown-theme', line: 3 })]);
  });

  it('names a font family after its file, without weight or style', () => {
    expect(familyFromFile('assets/fonts/SourceSans3-Regular.woff2')).toBe('SourceSans3');
    expect(familyFromFile('Brand_Sans_SemiBoldItalic.ttf')).toBe('Brand_Sans');
    expect(familyFromFile('fonts/Inter-VariableFont_wght.woff2')).toBe('Inter');
    expect(familyFromFile('BrandSans.woff2')).toBe('BrandSans');
    expect(familyFromFile('Bold.woff2')).toBe('Bold');
  });
});
