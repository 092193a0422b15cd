/**
 * The byte budget of the shipped deck, checked on every `npm test`: a
 * dependency or an eager import that bloats what the first slide needs fails
 * here. The same counting code runs in `npm run bench`.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BYTE_BUDGETS, formatKb, measureFirstSlide, measureTotal, staticImports, type FirstSlideBytes, type TotalBytes } from '../../bench/measure-bytes.ts';
import { buildFixture, SHIPPED_DECK } from '../support/build-fixture.ts';
import { RELAY_PATH } from '../../src/page-contract.ts';
import { buildDeck } from '../../src/builder/build-deck.ts';

describe('bundle budget of the shipped deck', () => {
  let first: FirstSlideBytes;
  let total: TotalBytes;
  let dist: string;

  beforeAll(async () => {
    dist = await buildFixture(SHIPPED_DECK);
    first = measureFirstSlide(dist);
    total = measureTotal(dist);
  });

  it('finds the entry script, its stylesheet and its fonts', () => {
    const kinds = first.files.map((file) => file.kind);
    expect(kinds).toContain('js');
    expect(kinds).toContain('css');
    expect(kinds).toContain('font');
    // Lazy parts stay out of the first slide: Chart.js and the speaker view are separate chunks.
    const lazy = total.files.filter((file) => file.kind === 'js' && !first.files.some((f) => f.path === file.path));
    expect(lazy.length).toBeGreaterThanOrEqual(2);
  });

  it('preloads the fonts of the first slide, so they load beside the script instead of after it', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const preloads = Array.from(html.matchAll(/<link\b[^>]*rel="preload"[^>]*>/g), (m) => m[0]);
    const fonts = first.files.filter((file) => file.kind === 'font');
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      const link = preloads.find((tag) => tag.includes(`href="./${font.path}"`));
      expect(link, font.path).toBeDefined();
      // Without `crossorigin` the browser fetches the font a second time for the stylesheet.
      expect(link).toMatch(/\bas="font"/);
      expect(link).toMatch(/\bcrossorigin\b/);
    }
  });

  it('ships none of deck present\'s page code (only the builds deck present serves carry it)', async () => {
    const scriptsOf = (dir: string) =>
      readdirSync(join(dir, 'assets')).filter((file) => file.endsWith('.js')).map((file) => readFileSync(join(dir, 'assets', file), 'utf8'));
    expect(scriptsOf(dist).filter((script) => script.includes(RELAY_PATH))).toEqual([]);
    // The control: deck present's own build has it.
    const present = join(mkdtempSync(join(tmpdir(), 'deck-present-variant-')), 'dist');
    await buildDeck({ slidesDir: SHIPPED_DECK, outDir: present, present: true });
    expect(scriptsOf(present).filter((script) => script.includes(RELAY_PATH)).length).toBeGreaterThan(0);
  }, 120_000);

  it('ships zero bytes of KaTeX (the deck has no math) and no Mermaid', () => {
    expect(total.files.filter((file) => /katex|mermaid/i.test(file.path))).toEqual([]);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).not.toMatch(/katex|mermaid/i);
  });

  it(`ships ≤ ${formatKb(BYTE_BUDGETS.firstSlideJsCss)} of gzipped JS+CSS for the first slide`, () => {
    const detail = first.files.map((f) => `${f.path} ${formatKb(f.transfer)}`).join(', ');
    expect(first.jsCss, detail).toBeLessThanOrEqual(BYTE_BUDGETS.firstSlideJsCss);
  });

  it(`ships ≤ ${formatKb(BYTE_BUDGETS.fonts)} of fonts, as woff2`, () => {
    const fonts = total.files.filter((file) => file.kind === 'font');
    expect(fonts.every((font) => font.path.endsWith('.woff2'))).toBe(true);
    expect(first.fonts).toBeLessThanOrEqual(BYTE_BUDGETS.fonts);
    expect(fonts.reduce((sum, font) => sum + font.bytes, 0)).toBeLessThanOrEqual(BYTE_BUDGETS.fonts);
  });

  it(`ships ≤ ${formatKb(BYTE_BUDGETS.total)} in total (gzipped where a server would)`, () => {
    const detail = total.files.map((f) => `${f.path} ${formatKb(f.transfer)}`).join(', ');
    expect(total.transfer, detail).toBeLessThanOrEqual(BYTE_BUDGETS.total);
  });
});

describe('staticImports', () => {
  it('follows static imports and re-exports, not dynamic imports', () => {
    const code = 'import{a as b}from"./chunk-a.js";import"./side.js";export{c}from"./c.js";const d=()=>import("./lazy.js");';
    expect(staticImports(code)).toEqual(['./chunk-a.js', './side.js', './c.js']);
  });
});
