/**
 * Compiler fixtures: each folder under tests/fixtures/compiler holds Markdown
 * in (`input.md`, optional `deck.yaml`) and what must come out: slides,
 * DOM selectors with counts, texts (`expected.json`) and `diagnostics.json`.
 * Data files that charts name are read beside it (paths relative to tests/fixtures/compiler).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { compileDeck, renderSections } from '../../src/compiler/index.ts';

interface Expected {
  slides?: { title?: string; h?: number; v?: number; line?: number; notes?: string; charts?: number; attributes?: Record<string, string> }[];
  selectors?: Record<string, number>;
  text?: Record<string, string>;
}
interface ExpectedDiagnostic { line: number; code: string; message: string; severity?: string }

const root = join(import.meta.dirname, '../fixtures/compiler');

describe.each(readdirSync(root))('fixture %s', (name) => {
  const dir = join(root, name);
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const deck = compileDeck({
    slides: [{ path: `${name}/input.md`, text: read('input.md') }],
    settings: existsSync(join(dir, 'deck.yaml')) ? { path: `${name}/deck.yaml`, text: read('deck.yaml') } : null,
    readDataFile: (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : null),
  });
  const expected = JSON.parse(read('expected.json')) as Expected;
  const $ = load(renderSections(deck.slides));

  it('produces the expected slides', () => {
    if (!expected.slides) return;
    expect(deck.slides).toHaveLength(expected.slides.length);
    expected.slides.forEach((want, i) => {
      const slide = deck.slides[i]!;
      if (want.title !== undefined) expect(slide.title).toBe(want.title);
      if (want.h !== undefined) expect([slide.h, slide.v]).toEqual([want.h, want.v ?? 0]);
      if (want.line !== undefined) expect(slide.line).toBe(want.line);
      if (want.notes !== undefined) expect(slide.notesText).toBe(want.notes);
      if (want.charts !== undefined) expect(slide.charts).toHaveLength(want.charts);
      if (want.attributes) expect(slide.attributes).toMatchObject(want.attributes);
    });
  });

  it('renders HTML matching the selectors', () => {
    for (const [selector, count] of Object.entries(expected.selectors ?? {})) {
      expect($(selector).length, selector).toBe(count);
    }
    for (const [selector, text] of Object.entries(expected.text ?? {})) {
      expect($(selector).first().text(), selector).toBe(text);
    }
  });

  it('reports exactly the expected diagnostics at their lines', () => {
    const want = JSON.parse(read('diagnostics.json')) as ExpectedDiagnostic[];
    const got = deck.diagnostics.map((d) => ({ line: d.line, code: d.code, message: d.message, severity: d.severity, file: d.file }));
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => {
      expect(got[i]!.file).toBe(`${name}/input.md`);
      expect(got[i]!.line, JSON.stringify(got[i])).toBe(w.line);
      expect(got[i]!.code).toBe(w.code);
      expect(got[i]!.message).toContain(w.message);
      expect(got[i]!.severity).toBe(w.severity ?? 'error');
    });
  });
});
