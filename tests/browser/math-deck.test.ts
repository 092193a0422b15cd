/**
 * A deck with math, built: KaTeX's markup laid out in its own self-hosted fonts, MathML for screen
 * readers, nothing from another host; the PDF export has the formulas as text (poppler's pdftotext).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MATH_ASSETS_DIR } from '../../src/builder/math-assets.ts';
import { runCheck } from '../../src/check/run-check.ts';
import { exportDeck } from '../../src/export/export-deck.ts';
import { writeSingleFileHtml } from '../../src/export/single-file-html.ts';
import { openDeck, type DeckPage } from '../support/deck-page.ts';
import { exportTempDir } from '../support/export-fixture.ts';
import { serveBuiltDeck } from '../support/served-deck.ts';

const MATH_DECK = join(import.meta.dirname, '../fixtures/math-deck');

const served = serveBuiltDeck(MATH_DECK);
let deck: DeckPage;

beforeAll(async () => {
  deck = await openDeck(served.browser, served.url);
});

describe('a built deck with math', () => {
  it('ships KaTeX\'s stylesheet and its woff2 fonts beside the page, and links the stylesheet', () => {
    const fonts = readdirSync(join(served.dist, MATH_ASSETS_DIR, 'fonts'));
    expect(fonts.length).toBeGreaterThan(10);
    expect(fonts.every((font) => font.endsWith('.woff2'))).toBe(true);
    const css = readFileSync(join(served.dist, MATH_ASSETS_DIR, 'katex.css'), 'utf8');
    expect(css).not.toMatch(/\.(woff|ttf)\)/);
    expect(readFileSync(join(served.dist, 'index.html'), 'utf8')).toContain(`<link rel="stylesheet" href="./${MATH_ASSETS_DIR}/katex.css">`);
  });

  it('lays out the formulas in KaTeX\'s fonts, loaded from the deck itself', async () => {
    const layout = await deck.page.evaluate(async () => {
      await document.fonts.ready;
      const fraction = document.querySelector('.katex-display .mfrac')!.getBoundingClientRect();
      const loaded = [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family.replace(/"/g, ''));
      const inline = document.querySelector('p .katex .katex-html .mord')!;
      return { fractionHeight: fraction.height, loaded, inlineFont: getComputedStyle(inline).fontFamily };
    });
    expect(layout.fractionHeight).toBeGreaterThan(40);
    expect(layout.loaded).toContain('KaTeX_Main');
    expect(layout.inlineFont).toMatch(/KaTeX/);
    expect(deck.foreignRequests).toEqual([]);
    expect(deck.consoleErrors).toEqual([]);
  });

  it('gives screen readers MathML and hides KaTeX\'s visual markup from them', async () => {
    const a11y = await deck.page.evaluate(() => ({
      mathml: [...document.querySelectorAll('.katex-mathml math annotation')].map((node) => node.textContent),
      hidden: [...document.querySelectorAll('.katex-html')].every((node) => node.getAttribute('aria-hidden') === 'true'),
    }));
    expect(a11y.mathml).toContain('E = mc^2');
    expect(a11y.hidden).toBe(true);
    const snapshot = await deck.page.locator('section#energy').ariaSnapshot();
    expect(snapshot).toMatch(/math/);
  });
});

describe('deck check on a deck with math', () => {
  it('finds nothing: KaTeX\'s zero-width layout struts are no text too small to read', async () => {
    const report = await runCheck({ slidesDir: MATH_DECK }, { browser: served.browser });
    expect(report.diagnostics.map((d) => `${d.line}: ${d.message} [${d.code}]`)).toEqual([]);
  }, 60_000);
});

describe('the PDF of a deck with math', () => {
  it('has the formulas as text, in KaTeX\'s fonts', async () => {
    const dir = exportTempDir();
    await exportDeck({ slidesDir: MATH_DECK, out: join(dir, 'dist'), pdf: join(dir, 'math.pdf') });
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'math.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toMatch(/E\s*=\s*mc\s*2/);
    expect(text).toMatch(/n\s*\(\s*n\s*\+\s*1\s*\)/);
    const fonts = execFileSync('pdffonts', [join(dir, 'math.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/KaTeX_Main/);
  }, 60_000);
});

describe('the single-file HTML of a deck with math', () => {
  it('carries KaTeX\'s fonts inline and lays the formulas out in them from file://', async () => {
    const file = join(exportTempDir(), 'math.html');
    await writeSingleFileHtml(MATH_DECK, file);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/url\(data:font\/woff2;base64,/);
    expect(html).not.toMatch(/url\(fonts\//);
    const single = await openDeck(served.browser, `file://${file}`);
    const loaded = await single.page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family.replace(/"/g, ''));
    });
    expect(loaded).toContain('KaTeX_Main');
    expect(single.consoleErrors).toEqual([]);
  }, 60_000);
});
