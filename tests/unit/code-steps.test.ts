/** Stepped code: reveal.js's `[1|3-4]` steps and line numbers, written at build time as its highlight plugin would. */
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/compiler/index.ts';
import { parseCodeSteps, splitHighlightedLines } from '../../src/compiler/plugins/deck-code-steps.ts';

const compile = (text: string) => compileDeck({ slides: [{ path: 'slides/01.md', text }] });

describe('parseCodeSteps', () => {
  it('reads steps, lines and ranges as reveal.js does', () => {
    expect(parseCodeSteps('ts [1|3-4,6|]')).toEqual({
      language: 'ts',
      specs: ['1', '3-4,6', ''],
      steps: [[{ start: 1, end: 1 }], [{ start: 3, end: 4 }, { start: 6, end: 6 }], []],
      startFrom: null,
    });
    expect(parseCodeSteps('js [712: 1 | 2]')).toMatchObject({ language: 'js', specs: ['1', '2'], startFrom: 712 });
    expect(parseCodeSteps('ts')).toBeNull();
  });
});

describe('splitHighlightedLines', () => {
  it('closes and reopens a span that runs over lines', () => {
    expect(splitHighlightedLines('<span class="c">/* a\nb */</span> x\n')).toEqual(['<span class="c">/* a</span>', '<span class="c">b */</span> x']);
  });
});

describe('stepped code in a slide', () => {
  const code = '# Code\n\n```ts [1|2-3]\nconst a = 1;\nconst b = 2;\nconst c = 3;\n```\n';

  it('writes one highlighted copy per step, the later ones fragments, with numbered lines', () => {
    const $ = load(compile(code).slides[0]!.html);
    const codes = $('pre.code-wrapper > code');
    expect(codes.length).toBe(2);
    expect(codes.eq(0).hasClass('fragment')).toBe(false);
    expect(codes.eq(1).hasClass('fragment')).toBe(true);
    expect(codes.map((_, node) => $(node).attr('data-line-numbers')).get()).toEqual(['1', '2-3']);
    const highlighted = (index: number) => codes.eq(index).find('tr').map((row, node) => ($(node).hasClass('highlight-line') ? row + 1 : null)).get();
    expect(highlighted(0)).toEqual([1]);
    expect(highlighted(1)).toEqual([2, 3]);
    expect(codes.eq(0).find('td.hljs-ln-numbers').map((_, node) => $(node).attr('data-line-number')).get()).toEqual(['1', '2', '3']);
    expect(codes.eq(0).find('td.hljs-ln-code .hljs-keyword').length).toBe(3);
    expect($('pre').attr('data-line')).toBe('3');
  });

  it('numbers from the given line, without highlights for []', () => {
    const $ = load(compile('# N\n\n```py [10: ]\na = 1\nb = 2\n```\n').slides[0]!.html);
    expect($('code').length).toBe(1);
    expect($('code').hasClass('has-highlights')).toBe(false);
    expect($('td.hljs-ln-numbers').map((_, node) => $(node).attr('data-line-number')).get()).toEqual(['10', '11']);
  });

  it('leaves a fence without […] as before', () => {
    const $ = load(compile('# Plain\n\n```ts\nconst a = 1;\n```\n').slides[0]!.html);
    expect($('pre > code.hljs.language-ts').length).toBe(1);
    expect($('table').length).toBe(0);
  });

  it('warns at the fence when a step names a line the code does not have', () => {
    const deck = compile('# Code\n\ntext\n\n```ts [1|4-5]\na\nb\n```\n');
    expect(deck.diagnostics).toEqual([
      { severity: 'warning', code: 'code-steps', message: 'step 2 highlights lines 4-5, but the code block has 2 lines', file: 'slides/01.md', line: 5 },
    ]);
  });
});
