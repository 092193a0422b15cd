import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/compiler/index.ts';
import { DEFAULT_SETTINGS, parseDeckSettings } from '../../src/compiler/settings/deck-settings.ts';

describe('deck settings', () => {
  it('fills defaults: German, 16:9 at 1280×720', () => {
    const { settings, diagnostics } = parseDeckSettings('title: Test\n', 'slides/deck.yaml', 1);
    expect(diagnostics).toEqual([]);
    expect(settings).toMatchObject({ title: 'Test', lang: 'de', width: 1280, height: 720, aspect: '16:9' });
  });

  it('warns about an unknown key at its line and keeps the rest', () => {
    const { settings, diagnostics } = parseDeckSettings('title: Test\nthmee: dark\nlang: en\n', 'slides/deck.yaml', 1);
    expect(diagnostics).toEqual([
      { severity: 'warning', code: 'unknown-setting', message: 'unknown deck setting "thmee" (ignored)', file: 'slides/deck.yaml', line: 2 },
    ]);
    expect(settings.lang).toBe('en');
  });

  it('rejects a wrong value with its line', () => {
    const { diagnostics } = parseDeckSettings('title: Test\naspect: 21:9\n', 'slides/deck.yaml', 1);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', line: 2, code: 'settings-schema' });
  });

  it('reads reveal-md front matter of the first file, with lines in that file', () => {
    const deck = compileDeck({
      slides: [{ path: 'slides/01.md', text: '---\ntitle: Aus Front Matter\nrevealOptions:\n  controls: false\nfoo: 1\n---\n# Erste Folie\n' }],
    });
    expect(deck.settings.title).toBe('Aus Front Matter');
    expect(deck.settings.revealOptions).toEqual({ controls: false });
    expect(deck.diagnostics).toEqual([expect.objectContaining({ code: 'unknown-setting', line: 5 })]);
    expect(deck.slides).toHaveLength(1);
    expect(deck.slides[0]).toMatchObject({ title: 'Erste Folie', line: 7 });
  });

  it('uses palette names in charts', () => {
    const deck = compileDeck({
      settings: { path: 'deck.yaml', text: 'palette:\n  brand: "#112233"\n' },
      slides: [{ path: 'a.md', text: '```chart\ntype: bar\ntitle: T\nlabels: [a]\nseries:\n  - name: S\n    values: [1]\n    color: brand\nsource: X\n```\n' }],
    });
    expect(deck.diagnostics).toEqual([]);
    expect(deck.slides[0]!.charts[0]!.series[0]!.color).toBe('#112233');
    expect(DEFAULT_SETTINGS.lang).toBe('de');
  });
});
