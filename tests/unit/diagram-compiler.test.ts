/**
 * Diagrams: the compiler asks for each ```mermaid block (placeholder + source at its fence line);
 * DeckDiagrams puts cached SVGs in place, lists what is left to draw and reports failures at file:line.
 */
import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { DIAGRAM_UNUSED_FOR_MS, DeckDiagrams, diagramKey, mermaidMessage, pruneDiagramCache } from '../../src/builder/deck-diagrams.ts';
import { compileDeck } from '../../src/compiler/index.ts';
import { DIAGRAM_SELECTOR } from '../../src/page-contract.ts';

const SLIDES = '# Flow\n\ntext\n\n```mermaid\nflowchart LR\n  a --> b\n```\n\nNote: also\n\n```mermaid\nflowchart LR\n  c --> d\n```\n';
const compile = (text = SLIDES) => compileDeck({ slides: [{ path: 'slides/01.md', text }] });

describe('the compiler and ```mermaid', () => {
  it('leaves a figure with a placeholder and lists the sources with their fence lines, notes included', () => {
    const slide = compile().slides[0]!;
    expect(slide.diagrams).toEqual([
      { source: 'flowchart LR\n  a --> b\n', file: 'slides/01.md', line: 5 },
      { source: 'flowchart LR\n  c --> d\n', file: 'slides/01.md', line: 12 },
    ]);
    const $ = load(slide.html);
    expect($(DIAGRAM_SELECTOR).attr('data-line')).toBe('5');
    expect(slide.html).toContain('<!--deck:diagram:0-->');
    expect(slide.notesHtml).toContain('<!--deck:diagram:1-->');
    expect(slide.html).not.toContain('flowchart');
  });

  it('marks no slide without diagrams', () => {
    expect(compile('# Code\n\n```ts\nconst a = 1;\n```\n').slides[0]!.diagrams).toBeUndefined();
  });
});

describe('DeckDiagrams.fill', () => {
  const cacheWith = (svgs: Record<string, string>) => {
    const dir = join(mkdtempSync(join(tmpdir(), 'deck-diagrams-')), 'cache');
    mkdirSync(dir);
    for (const [source, svg] of Object.entries(svgs)) writeFileSync(join(dir, `${diagramKey(source)}.svg`), svg);
    return dir;
  };

  it('puts cached SVGs in place and lists the diagrams still to draw', () => {
    const diagrams = new DeckDiagrams(cacheWith({ 'flowchart LR\n  a --> b\n': '<svg id="one"></svg>' }));
    const { deck, missing } = diagrams.fill(compile());
    expect(deck.slides[0]!.html).toContain('<figure data-line="5" class="deck-diagram"><svg id="one"></svg></figure>');
    expect(missing.map((job) => [job.line, job.key])).toEqual([[12, diagramKey('flowchart LR\n  c --> d\n')]]);
    expect(deck.diagnostics).toEqual([]);
  });

  it('reports a diagram that could not be drawn at its fence line plus the line of the source', () => {
    const diagrams = new DeckDiagrams(cacheWith({}));
    const { missing } = diagrams.fill(compile());
    diagrams.markFailed(missing.slice(0, 1), 'no Chromium');
    const { deck } = diagrams.fill(compile());
    expect(deck.diagnostics).toEqual([{ severity: 'error', code: 'diagram', message: 'no Chromium', file: 'slides/01.md', line: 6 }]);
  });

  it('writes Mermaid\'s message on one line, without its pointer', () => {
    const message = "Parse error on line 3:\n...R  A --> B  B --> ]]\n---------------------^\nExpecting 'AMP', 'COLON', got 'SQE'";
    expect(mermaidMessage(message)).toBe("Parse error: Expecting 'AMP', 'COLON', got 'SQE'");
    expect(mermaidMessage('Lexical error on line 3. Unrecognized text.\n...R  A --> B\n-----^')).toBe('Lexical error: Unrecognized text.');
  });
});

describe('pruneDiagramCache', () => {
  it('removes the SVGs no build has used for a month, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-diagram-prune-'));
    const old = `${'a'.repeat(64)}.svg`;
    const fresh = `${'b'.repeat(64)}.svg`;
    for (const name of [old, fresh, 'notes.txt']) writeFileSync(join(dir, name), '<svg/>');
    const monthAgo = (Date.now() - DIAGRAM_UNUSED_FOR_MS - 1000) / 1000;
    utimesSync(join(dir, old), monthAgo, monthAgo);
    utimesSync(join(dir, 'notes.txt'), monthAgo, monthAgo);
    expect(pruneDiagramCache(dir)).toEqual([old]);
    expect(readdirSync(dir).sort()).toEqual([fresh, 'notes.txt'].sort());
  });

  it('is kept from pruning while builds use it: reading a cached SVG touches it', () => {
    const source = 'flowchart LR\n  a --> b\n';
    const dir = mkdtempSync(join(tmpdir(), 'deck-diagram-touch-'));
    const path = join(dir, `${diagramKey(source)}.svg`);
    writeFileSync(path, '<svg/>');
    const monthAgo = (Date.now() - DIAGRAM_UNUSED_FOR_MS - 1000) / 1000;
    utimesSync(path, monthAgo, monthAgo);
    new DeckDiagrams(dir).fill(compile(`# F\n\n\`\`\`mermaid\n${source}\`\`\`\n`));
    expect(pruneDiagramCache(dir)).toEqual([]);
  });
});
