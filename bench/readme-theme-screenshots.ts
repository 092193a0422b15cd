/**
 * The README's theme screenshots (assets/readme/theme-*.png): the shipped deck's title slide and a chart
 * slide, once in the default theme and once with theme variables (colours, fonts from local files, logo,
 * footer), each built from a copy of slides/ and photographed in Chromium at 960×540 CSS px.
 *
 *   npx tsx bench/readme-theme-screenshots.ts
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { APP_ROOT } from '../src/app-paths.ts';
import { BrowserPage } from '../src/browser/browser-page.ts';
import { launchChrome } from '../src/browser/launch-chrome.ts';
import { serveStatic } from '../src/browser/serve-static.ts';
import { buildDeck } from '../src/builder/build-deck.ts';
import { compileFolder } from '../src/loader/compile-folder.ts';
import { PAGE_NAMES } from '../src/page-contract.ts';

const require = createRequire(import.meta.url);
const OUT = join(APP_ROOT, 'assets/readme');
const VIEWPORT = { width: 960, height: 540 };

/** The variables the themed screenshots show: a company's colours, its fonts (here Lato and Montserrat, as files), logo and footer. */
const THEME = {
  base: 'default',
  colors: { text: '#1f2933', background: '#f7f4ee', accent: '#8a3b12', heading: '#123c33' },
  fonts: {
    body: { family: 'Lato', regular: 'theme/Lato-Regular.woff2', bold: 'theme/Lato-Bold.woff2' },
    heading: 'theme/Montserrat-Bold.woff2',
  },
  logo: { src: 'theme/logo.svg', hideOnTitle: true },
  footer: 'Vertraulich · Strategie-Team',
};

const FONT_FILES = {
  'Lato-Regular.woff2': '@fontsource/lato/files/lato-latin-400-normal.woff2',
  'Lato-Bold.woff2': '@fontsource/lato/files/lato-latin-700-normal.woff2',
  'Montserrat-Bold.woff2': '@fontsource/montserrat/files/montserrat-latin-700-normal.woff2',
};

/** A copy of slides/ beside a link to the project's assets/ (the charts' data files are `../assets/data/…`). */
function copyOfShippedDeck(root: string, themed: boolean): string {
  const slides = join(root, themed ? 'themed' : 'default', 'slides');
  cpSync(join(APP_ROOT, 'slides'), slides, { recursive: true });
  symlinkSync(join(APP_ROOT, 'assets'), join(dirname(slides), 'assets'));
  if (themed) {
    mkdirSync(join(slides, 'theme'));
    for (const [file, source] of Object.entries(FONT_FILES)) copyFileSync(require.resolve(source), join(slides, 'theme', file));
    copyFileSync(join(APP_ROOT, 'tests/fixtures/themed-deck/assets/logo.svg'), join(slides, 'theme', 'logo.svg'));
  }
  // The deck's own theme setting gives way: none (the default theme), or the company's above.
  const settings = parseDocument(readFileSync(join(slides, 'deck.yaml'), 'utf8'));
  if (themed) settings.set('theme', THEME);
  else settings.delete('theme');
  writeFileSync(join(slides, 'deck.yaml'), settings.toString());
  return slides;
}

async function photograph(slidesDir: string, name: string, browser: Awaited<ReturnType<typeof launchChrome>>): Promise<void> {
  const deck = compileFolder(slidesDir);
  const errors = deck.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => `${d.file}:${d.line}: ${d.message}`).join('\n'));
  const chartSlide = deck.slides.findIndex((slide) => slide.charts.length > 0 && slide.v === 0);
  const outDir = join(dirname(slidesDir), 'dist');
  await buildDeck({ slidesDir, outDir });
  const server = await serveStatic(outDir);
  // Without the presenting controls and progress bar, no transition: the slide alone.
  const page = await BrowserPage.open(browser, `${server.url}?controls=false&progress=false&transition=none`, { viewport: VIEWPORT });
  try {
    await page.waitForDeck(30_000);
    for (const [shot, h] of [['title', 0], ['chart', deck.slides[chartSlide]!.h]] as const) {
      await page.evaluate((index) => window.Reveal.slide(index, 0), h);
      await page.waitFor((names) => Array.from(window.Reveal.getCurrentSlide().querySelectorAll(names.chart)).every((figure) => figure.hasAttribute(names.drawn)), PAGE_NAMES, 10_000);
      await page.evaluate(() => document.fonts.ready.then(() => undefined), undefined);
      // The presenting buttons (top right) fade out while the pointer rests, as they do in a talk.
      await page.waitFor(() => getComputedStyle(document.querySelector('.deck-controls-bar') ?? document.body).opacity === '0', undefined, 10_000);
      writeFileSync(join(OUT, `theme-${name}-${shot}.png`), await page.page.screenshot({ type: 'png' }));
    }
  } finally {
    await page.close();
    await server.close();
  }
}

const root = mkdtempSync(join(tmpdir(), 'deck-readme-themes-'));
const browser = await launchChrome();
try {
  mkdirSync(OUT, { recursive: true });
  await photograph(copyOfShippedDeck(root, false), 'default', browser);
  await photograph(copyOfShippedDeck(root, true), 'variables', browser);
} finally {
  await browser.close();
  rmSync(root, { recursive: true, force: true });
}
