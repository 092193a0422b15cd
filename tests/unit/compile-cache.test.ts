/** The dev server's incremental compile: a cache that compiles only the changed files, with the same result as compiling all. */
import { describe, expect, it } from 'vitest';
import { compileDeck, createCompileCache, type DeckSources } from '../../src/compiler/index.ts';

const CHART = (values: string) => ['```chart', 'type: bar', 'title: Werte', 'labels: [a, b]', 'series:', `  - name: Wert`, `    values: ${values}`, 'source: Test', '```'].join('\n');

function sources(files: Record<string, string>, data: Record<string, string> = {}): DeckSources {
  return {
    slides: Object.entries(files).map(([path, text]) => ({ path, text })),
    settings: { path: 'slides/deck.yaml', text: 'title: Test\nlang: de\n' },
    readDataFile: (path) => data[path] ?? null,
  };
}

const FILES = {
  'slides/01.md': '# Eins\n\nText\n\n---\n\nOhne Titel\n',
  'slides/02.md': `## Zwei\n\n${CHART('[1, 2]')}\n\n---\n\n## Drei\n\nNote: Notiz\n`,
  'slides/03.md': '## Vier\n\nMehr\n',
};

describe('compileDeck with a cache', () => {
  it('gives what a compile without it gives, after every kind of edit', () => {
    const cache = createCompileCache();
    const edits: Record<string, string>[] = [
      FILES,
      { ...FILES, 'slides/02.md': FILES['slides/02.md'].replace('Notiz', 'Neue Notiz') },
      // A slide added in the first file moves every later slide (indices, chart ids, default ids).
      { ...FILES, 'slides/01.md': `${FILES['slides/01.md']}\n---\n\nNoch eine\n` },
      { ...FILES, 'slides/02.md': FILES['slides/02.md'].replace('[1, 2]', '[1, 2, 3]') },
      { 'slides/01.md': FILES['slides/01.md'], 'slides/03.md': FILES['slides/03.md'] },
      FILES,
    ];
    for (const files of edits) expect(compileDeck(sources(files), { cache })).toEqual(compileDeck(sources(files)));
  });

  it('compiles only the changed file: the other files’ slides are the same objects', () => {
    const cache = createCompileCache();
    const before = compileDeck(sources(FILES), { cache });
    const after = compileDeck(sources({ ...FILES, 'slides/03.md': '## Vier\n\nAnders\n' }), { cache });
    expect(after.slides.slice(0, 4).every((slide, i) => slide === before.slides[i])).toBe(true);
    expect(after.slides[4]).not.toBe(before.slides[4]);
    expect(after.slides[4]!.html).toContain('Anders');
  });

  it('compiles a file again when a data file its chart reads changed', () => {
    const cache = createCompileCache();
    const files = { 'slides/01.md': ['## Daten', '', '```chart', 'type: bar', 'title: Werte', 'data: werte.csv', 'x: Jahr', 'series:', '  - name: Wert', '    column: Wert', 'source: Test', '```', ''].join('\n') };
    const first = compileDeck(sources(files, { 'slides/werte.csv': 'Jahr,Wert\n2024,1\n' }), { cache });
    const same = compileDeck(sources(files, { 'slides/werte.csv': 'Jahr,Wert\n2024,1\n' }), { cache });
    const changed = compileDeck(sources(files, { 'slides/werte.csv': 'Jahr,Wert\n2024,7\n' }), { cache });
    expect(same.slides[0]).toBe(first.slides[0]);
    expect(changed.slides[0]!.charts[0]!.series[0]!.values).toEqual([7]);
    expect(changed.dataFiles).toEqual(['slides/werte.csv']);
  });

  it('keeps a changed slide’s new id while the unchanged keep theirs', () => {
    const cache = createCompileCache();
    compileDeck(sources(FILES), { cache });
    const after = compileDeck(sources({ ...FILES, 'slides/01.md': FILES['slides/01.md'].replace('# Eins', '# Eins neu') }), { cache });
    expect(after.slides.map((slide) => slide.id)).toEqual(['eins-neu', 'ohne-titel', 'zwei', 'drei', 'vier']);
  });
});
