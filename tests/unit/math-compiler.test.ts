/** Math at build time: KaTeX's HTML and MathML in the slide, TeX errors at file:line, usage marked for the page. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/compiler/index.ts';

const compile = (text: string) => compileDeck({ slides: [{ path: 'slides/01.md', text }] });

describe('math', () => {
  it('renders $…$ inline and $$…$$ as a display block, with MathML for screen readers', () => {
    const deck = compile('# Math\n\nIt is $E = mc^2$ here.\n\n$$\n\\frac{a}{b}\n$$\n');
    const $ = load(deck.slides[0]!.html);
    expect($('p .katex').length).toBe(1);
    expect($('p .katex math annotation').text()).toBe('E = mc^2');
    expect($('p .katex .katex-html').length).toBe(1);
    const block = $('div.deck-math');
    expect(block.attr('data-line')).toBe('5');
    expect(block.find('.katex-display math mfrac').length).toBe(1);
    expect(deck.slides[0]!.usage).toEqual({ math: true });
    expect(deck.diagnostics).toEqual([]);
  });

  it.each([
    'A coffee costs $3 and a cake $4.',
    '13 Mrd. US-$ und 80 Mrd. US-$ im Jahr.',
    'Preis: 10 US-$, dann 20 US-$.',
    'costs $ 5 or 6 $ today',
    'an escaped \\$x$ stays text',
  ])('keeps prices as text (%s) and marks a slide without math as using nothing', (text) => {
    const deck = compile(`# Prices\n\n${text}\n`);
    expect(deck.slides[0]!.html).not.toContain('katex');
    expect(deck.slides[0]!.usage).toBeUndefined();
  });

  it('reads $x$ next to punctuation as math, and $$…$$ inside a paragraph as a display formula in it', () => {
    const $ = load(compile('# Axis\n\nthe $x$-axis ($n$) and $$a^2$$ inline\n').slides[0]!.html);
    expect($('p annotation').map((_, node) => $(node).text()).get()).toEqual(['x', 'n', 'a^2']);
    expect($('p .katex-display').length).toBe(1);
    expect($('div.deck-math').length).toBe(0);
  });

  it.each([
    ['$$ a^2 $$', 'a^2'],
    ['$$a^2\nb^2$$', 'a^2\nb^2'],
    ['$$\na^2\n$$', 'a^2'],
  ])('reads the block %j', (block, tex) => {
    const $ = load(compile(`# Block\n\n${block}\n`).slides[0]!.html);
    expect($('div.deck-math annotation').text().trim()).toBe(tex.trim());
  });

  it('leaves a $$ that is never closed as text', () => {
    const deck = compile('# Open\n\n$$\na^2\n');
    expect(deck.slides[0]!.html).not.toContain('katex');
    expect(deck.diagnostics).toEqual([]);
  });

  it('marks the slide when only its notes have math', () => {
    const deck = compile('# Notes\n\nText\n\nNote: the sum $\\sum i$\n');
    expect(deck.slides[0]!.notesHtml).toContain('class="katex"');
    expect(deck.slides[0]!.usage).toEqual({ math: true });
  });

  it('reports a TeX error at the line of the formula, with KaTeX\'s message', () => {
    const deck = compile('# Bad\n\nfirst line\nsecond $\\frac{1}{$ line\n\n---\n\n# Block\n\n$$\n\\badmacro{x}\n$$\n');
    expect(deck.diagnostics.map((d) => [d.file, d.line, d.severity, d.code])).toEqual([
      ['slides/01.md', 4, 'error', 'math'],
      // The line inside the `$$` block where KaTeX found the error.
      ['slides/01.md', 11, 'error', 'math'],
    ]);
    expect(deck.diagnostics[0]!.message).toMatch(/^TeX: Unexpected end of input/);
    expect(deck.diagnostics[1]!.message).toBe('TeX: Undefined control sequence: \\badmacro at position 1: \\badmacro{x}');
    // The formula is shown as code, not as KaTeX's red error text.
    expect(deck.slides[0]!.html).toContain('<code class="deck-math-error">\\frac{1}{</code>');
  });

  it('loads KaTeX only once a deck has a formula (it costs every build time)', () => {
    // Records ES modules by a module hook, CommonJS ones by require.cache: KaTeX may come either way.
    const dir = mkdtempSync(join(tmpdir(), 'deck-math-load-'));
    const log = join(dir, 'loaded.txt');
    writeFileSync(log, '');
    writeFileSync(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  appendFileSync(${JSON.stringify(log)}, url + '\\n');\n  return next(url, context);\n}\n`);
    const compiler = new URL('../../src/compiler/index.ts', import.meta.url).href;
    const script = [
      "import { createRequire, register } from 'node:module';",
      "import { readFileSync } from 'node:fs';",
      `register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});`,
      `const { compileDeck } = await import('${compiler}');`,
      `const loaded = () => [...Object.keys(createRequire(import.meta.url).cache), ...readFileSync(${JSON.stringify(log)}, 'utf8').split('\\n')].some((path) => path.includes('/node_modules/katex/'));`,
      "compileDeck({ slides: [{ path: 'a.md', text: '# Plain\\n\\n13 Mrd. US-$ und 80 Mrd. US-$' }] });",
      'const before = loaded();',
      "compileDeck({ slides: [{ path: 'b.md', text: '# Math\\n\\n$x$' }] });",
      'console.log(JSON.stringify([before, loaded()]));',
    ].join('\n');
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual([false, true]);
  });
});
