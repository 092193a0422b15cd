/**
 * Theme variables in the compiled deck: the page's own style sheet (custom properties named in
 * page-contract.ts, font faces of the deck's files), the logo and footer in each slide's markup, the
 * WCAG AA contrast rule at the colour's line, missing theme files at their line, and a runtime bundle
 * that does not depend on the deck's colours.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { runtimeCacheDir } from '../../src/builder/runtime-bundle.ts';
import { runCheck } from '../../src/check/run-check.ts';
import { buildSeverities, checkReferences, compileDeck, renderDeckPage, SLIDES_MARKER } from '../../src/compiler/index.ts';
import { contrastFailures } from '../../src/compiler/theme/theme-contrast.ts';
import { themeStyleSheet } from '../../src/compiler/theme/theme-style.ts';
import { FOOTER_CLASS, LOGO_CLASS, THEME_COLOUR_PROPERTIES, THEME_FONT_PROPERTIES, THEME_STYLE_ID } from '../../src/page-contract.ts';
import { DEFAULT_THEME_COLOURS } from '../../src/themes.ts';
import type { CompiledDeck } from '../../src/types.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/themed-deck');
const TEMPLATE = `<!doctype html><html lang="de"><head><title>x</title></head><body><div class="reveal"><div class="slides">${SLIDES_MARKER}</div></div></body></html>`;

function compile(settings: string, slides = '<!-- .slide: class="title" -->\n# Title\n\n---\n\n## Second\n\nText\n', resolveUrl?: (url: string, file: string) => string): CompiledDeck {
  return compileDeck({ settings: { path: 'slides/deck.yaml', text: settings }, slides: [{ path: 'slides/01.md', text: slides }] }, resolveUrl ? { resolveUrl } : {});
}

describe('the page’s theme style sheet', () => {
  it('sets every colour and font on the root, under our names and reveal.js’s, over any theme’s :root', () => {
    const css = themeStyleSheet(
      { colors: { text: '#222222', background: '#fdfdfd', accent: '#7b1fa2', heading: '#0b3d2e' }, fonts: { body: { family: 'Brand', faces: [] }, heading: { family: 'Brand Display', faces: [] }, code: { family: 'Mono', faces: [] } }, logo: null, footer: null },
      'night',
    );
    const root = /html:root\{([^}]*)\}/.exec(css)![1]!;
    for (const [name, properties] of Object.entries(THEME_COLOUR_PROPERTIES)) {
      for (const property of properties) expect(root).toContain(`${property}:${{ text: '#222222', background: '#fdfdfd', accent: '#7b1fa2', heading: '#0b3d2e' }[name]}`);
    }
    for (const [role, properties] of Object.entries(THEME_FONT_PROPERTIES)) {
      for (const property of properties) expect(root).toContain(`${property}:'${{ body: 'Brand', heading: 'Brand Display', code: 'Mono' }[role]}', `);
    }
    // A reveal.js base derives its own shades: only our default theme's are set.
    expect(root).not.toContain('--deck-muted');
  });

  it('derives the default theme’s shades from text and background, muted text still AA-readable', () => {
    const css = themeStyleSheet({ colors: { text: '#2b2b2b', background: '#fbf8f1' }, fonts: {}, logo: null, footer: null }, 'default');
    const muted = /--deck-muted:(#[0-9a-f]{6})/.exec(css)![1]!;
    expect(muted).not.toBe('#2b2b2b');
    expect(contrastFailures({ text: muted, background: '#fbf8f1' }, {})).toEqual([]);
    expect(css).toMatch(/--deck-rule:#[0-9a-f]{6}/);
    expect(css).toMatch(/--deck-chart-grid:rgba\(43, 43, 43, 0\.14\)/);
  });

  it('declares a face per font file, its format from the extension, names and URLs escaped', () => {
    const css = themeStyleSheet(
      {
        colors: {},
        fonts: {
          body: { family: "O'Brand</style>", faces: [{ url: "./assets/a'b.ttf", weight: '400', style: 'normal' }, { url: './assets/c.woff', weight: '700', style: 'italic' }] },
        },
        logo: null,
        footer: null,
      },
      'default',
    );
    expect(css).not.toContain('</style');
    expect(css).toContain("@font-face{font-family:'O\\27 Brand\\3c /style>';src:url('./assets/a\\27 b.ttf') format('truetype');font-weight:400;font-style:normal;font-display:swap}");
    expect(css).toContain("format('woff');font-weight:700;font-style:italic;");
  });

  it('keeps the default theme’s colours as default.css sets them', () => {
    const css = readFileSync(join(import.meta.dirname, '../../src/runtime/theme/default.css'), 'utf8');
    for (const [name, value] of Object.entries(DEFAULT_THEME_COLOURS)) {
      expect(css, name).toContain(`${THEME_COLOUR_PROPERTIES[name as keyof typeof THEME_COLOUR_PROPERTIES][0]}: ${value};`);
    }
  });
});

describe('the compiled deck', () => {
  it('writes the style sheet into the page, and nothing for a deck without variables', () => {
    const themed = compile('theme:\n  colors: { accent: "#7b1fa2" }\n');
    const $ = load(renderDeckPage(TEMPLATE, themed));
    expect($(`head style#${THEME_STYLE_ID}`).text()).toContain('--deck-accent:#7b1fa2');
    expect(load(renderDeckPage(TEMPLATE, compile('theme: default\n')))(`#${THEME_STYLE_ID}`)).toHaveLength(0);
  });

  it('preloads the theme’s fonts the first slide needs, instead of the default theme’s it replaces', () => {
    const template = TEMPLATE.replace('</head>', '<link rel="preload" href="./assets/inter-latin-400-normal-x.woff2" as="font" type="font/woff2" crossorigin="">\n</head>');
    const settings = 'theme:\n  fonts:\n    body: { regular: fonts/a.woff2, bold: fonts/a-bold.woff2, italic: fonts/a-italic.woff2 }\n';
    const preloads = (html: string) => {
      const $ = load(html);
      return $('link[rel=preload][as=font]').map((_, link) => $(link).attr('href')).get();
    };
    expect(preloads(renderDeckPage(template, compile(settings)))).toEqual(['fonts/a.woff2', 'fonts/a-bold.woff2']);
    // A reveal.js base keeps its own: its headings may still use them.
    expect(preloads(renderDeckPage(template, compile(`theme:\n  base: night\n  fonts:\n    body: fonts/a.woff2\n    heading: fonts/h.ttf\n`)))).toEqual([
      './assets/inter-latin-400-normal-x.woff2',
      'fonts/a.woff2',
      'fonts/h.ttf',
    ]);
    expect(preloads(renderDeckPage(template, compile('theme:\n  footer: F\n')))).toEqual(['./assets/inter-latin-400-normal-x.woff2']);
  });

  it('puts the logo and footer into every slide, leaving them off the title slide where asked', () => {
    const deck = compile('theme:\n  logo: { src: assets/logo.svg, corner: bottom-left, hideOnTitle: true }\n  footer: "Intern <vertraulich>"\n');
    const [title, second] = deck.slides.map((slide) => load(slide.html));
    expect(title!(`.${LOGO_CLASS}`)).toHaveLength(0);
    expect(title!(`footer.${FOOTER_CLASS}`).text()).toBe('Intern <vertraulich>');
    expect(second!(`img.${LOGO_CLASS}`).attr()).toMatchObject({ src: 'assets/logo.svg', alt: '', 'data-corner': 'bottom-left' });
    expect(second!(`footer.${FOOTER_CLASS}`).text()).toBe('Intern <vertraulich>');
    // Titles come from the slide's own content, not the footer.
    expect(deck.slides.map((slide) => slide.title)).toEqual(['Title', 'Second']);
  });

  it('resolves the theme’s files like images, relative to deck.yaml, in the page and in the slides', () => {
    const deck = compile('theme:\n  fonts: { body: assets/b.woff2 }\n  logo: assets/logo.svg\n', undefined, (url, file) => `./built/${file.split('/')[0]}/${url}`);
    expect(deck.settings.themeVariables?.fonts.body?.faces[0]?.url).toBe('./built/slides/assets/b.woff2');
    expect(load(deck.slides[1]!.html)(`.${LOGO_CLASS}`).attr('src')).toBe('./built/slides/assets/logo.svg');
    expect(deck.themeFiles).toEqual([
      { url: 'assets/b.woff2', file: 'slides/deck.yaml', line: 2 },
      { url: 'assets/logo.svg', file: 'slides/deck.yaml', line: 3 },
    ]);
  });

  it('reports a missing theme file at its line in deck.yaml (a warning in a build, an error in deck check)', () => {
    const deck = compile('title: T\ntheme:\n  fonts:\n    body: assets/missing.woff2\n  logo: https://example.org/logo.svg\n');
    const found = checkReferences(deck, { resolve: (url) => url, exists: () => false });
    expect(found).toEqual([
      { file: 'slides/deck.yaml', line: 4, severity: 'error', code: 'missing-file', message: 'theme file "assets/missing.woff2" not found' },
      { file: 'slides/deck.yaml', line: 5, severity: 'error', code: 'external-host', message: 'theme file "https://example.org/logo.svg" must be a file of the deck: fonts and the logo are bundled with it' },
    ]);
    expect(buildSeverities(found).map((d) => d.severity)).toEqual(['warning', 'warning']);
  });

  it('bundles the runtime by base theme only: decks with other colours share it', () => {
    const a = compile('theme:\n  colors: { accent: "#7b1fa2" }\n');
    const b = compile('theme:\n  base: default\n  colors: { text: "#111111" }\n  footer: F\n');
    expect(a.settings.theme).toBe(b.settings.theme);
    expect(runtimeCacheDir(a.settings.theme, { singleFile: false })).toBe(runtimeCacheDir(b.settings.theme, { singleFile: false }));
  });
});

describe('the contrast rule', () => {
  it('checks text and links at 4.5:1 and headings at 3:1 against the background, the default theme’s colours filling in', () => {
    expect(contrastFailures({ text: '#767676' }, DEFAULT_THEME_COLOURS)).toEqual([]);
    expect(contrastFailures({ text: '#777777' }, DEFAULT_THEME_COLOURS)).toEqual([
      { setting: 'text', foreground: 'text', colours: { foreground: '#777777', background: '#ffffff' }, ratio: 4.47, minimum: 4.5, use: 'text' },
    ]);
    // 3.54:1 is enough for a heading (large text), not for a link.
    expect(contrastFailures({ heading: '#8c8c8c', accent: '#8c8c8c' }, DEFAULT_THEME_COLOURS).map((f) => f.foreground)).toEqual(['accent']);
    // A dark background fails every default colour; the finding names the background, which the deck set.
    expect(contrastFailures({ background: '#10151c' }, DEFAULT_THEME_COLOURS).map((f) => [f.setting, f.foreground])).toEqual([
      ['background', 'text'],
      ['background', 'heading'],
      ['background', 'accent'],
    ]);
    // A reveal.js base's colours are not known here: only pairs the deck sets in full are checked.
    expect(contrastFailures({ text: '#777777' }, {})).toEqual([]);
  });

  it('is a deck check error at the colour’s line in deck.yaml', async () => {
    const deck = compile('title: T\ntheme:\n  colors:\n    background: "#fbf8f1"\n    accent: "#ff9800"\n');
    expect(deck.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'theme-contrast',
        file: 'slides/deck.yaml',
        line: 5,
        message: 'theme colour accent #ff9800 on background #fbf8f1 has a contrast of 2.03:1; WCAG AA asks at least 4.5:1 for links and list markers (text): a darker accent or a lighter background',
      },
    ]);
    // The fixture deck's colours pass.
    const report = await runCheck({ slidesDir: FIXTURE, render: false });
    expect(report.diagnostics).toEqual([]);
  });
});
