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
      { severity: 'warning', code: 'unknown-setting', message: 'unknown deck setting "thmee" (ignored; did you mean "theme"?)', file: 'slides/deck.yaml', line: 2 },
    ]);
    expect(settings.lang).toBe('en');
  });

  it('rejects a wrong value with its line, in words that name the key and what it takes', () => {
    const { diagnostics } = parseDeckSettings('title: Test\naspect: 21:9\n', 'slides/deck.yaml', 1);
    expect(diagnostics).toEqual([
      { severity: 'error', line: 2, code: 'settings-schema', file: 'slides/deck.yaml', message: '"aspect" must be one of 16:9, 4:3, 16:10; got "21:9"' },
    ]);
  });

  it.each([
    ['lang: Deutsch\n', 1, '"lang" must be a language tag such as de or en-US, got a string ("Deutsch")'],
    ['title: Test\npalette:\n  brand: red\n', 3, '"palette.brand" must be a hex colour such as #0078d4, got a string ("red")'],
    ['allowedHosts: example.org\n', 1, '"allowedHosts" must be a list of strings, got a string ("example.org")'],
    ['title:\n  - a\n', 1, '"title" must be a string, got a list'],
    ['revealOptions: 3\n', 1, '"revealOptions" must be a mapping of names to values, got 3'],
  ])('explains %j', (yaml, line, message) => {
    const { diagnostics } = parseDeckSettings(yaml, 'deck.yaml', 1);
    expect(diagnostics).toEqual([{ severity: 'error', code: 'settings-schema', file: 'deck.yaml', line, message }]);
  });

  it('takes its defaults and the page size from the schema', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ title: 'Präsentation', lang: 'de', aspect: '16:9', width: 1280, height: 720, transition: 'slide', revealOptions: {}, allowedHosts: [] });
    const { settings } = parseDeckSettings('aspect: "4:3"\npalette:\n  brand: "#112233"\n', 'deck.yaml', 1);
    expect(settings).toMatchObject({ aspect: '4:3', width: 1024, height: 768 });
    expect(settings.palette).toEqual({ ...DEFAULT_SETTINGS.palette, brand: '#112233' });
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
