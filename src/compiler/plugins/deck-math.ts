/**
 * `$…$` and `$$…$$` rendered at build time by KaTeX, as HTML (what is seen and printed: vector
 * text in KaTeX's fonts) plus MathML (what screen readers read); the browser runs no math code.
 * A TeX error is a build error at the formula's file line with KaTeX's message instead of red text
 * on the slide. A slide with math is marked (`env.usage.math`): only decks with math ship KaTeX's
 * stylesheet and fonts, and KaTeX itself is loaded only when a deck has a formula (loading it
 * costs every build time; a markdown-it math plugin would load it with the compiler).
 */
import { createRequire } from 'node:module';
import type KaTeX from 'katex';
import type { MarkdownIt, StateBlock, StateInline, Token } from 'markdown-it';
import { LINE_ATTRIBUTE } from '../../page-contract.ts';
import { escapeHtml } from '../html/escape-html.ts';
import { childLines, countNewlines } from '../inline-lines.ts';
import { deckEnv, lineOf, type RenderEnv } from '../render-env.ts';

const require = createRequire(import.meta.url);
let loadedKatex: typeof KaTeX | undefined;
const katex = (): typeof KaTeX => (loadedKatex ??= require('katex') as typeof KaTeX);

const INLINE = 'math_inline';
/** `$$…$$`: a block of its own, or inside a paragraph (then without a source map; KaTeX's display markup is a block there too). */
const BLOCK = 'math_block';
const INLINE_TYPES = [INLINE, BLOCK];

/**
 * KaTeX's own message on one line: without its "KaTeX parse error: " prefix (the code says what
 * kind it is) and the combining underline it draws under the place of the error.
 */
function katexMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^KaTeX parse error:\s*/, '').replace(/\u0332/g, '').replace(/\s+/g, ' ').trim();
}

/** The line of the error inside a formula that spans lines (`line`: the formula's first line). */
function errorLine(error: unknown, tex: string, line: number): number {
  const position = error instanceof katex().ParseError ? (error as { position?: number }).position : undefined;
  return position === undefined ? line : line + countNewlines(tex, position);
}

function render(env: RenderEnv, tex: string, displayMode: boolean, line: number): string {
  env.usage.math = true;
  try {
    return katex().renderToString(tex, { displayMode, output: 'htmlAndMathml', throwOnError: true, strict: 'ignore' });
  } catch (error) {
    env.diagnostics.push({ severity: 'error', code: 'math', message: `TeX: ${katexMessage(error)}`, file: env.file, line: errorLine(error, tex, line) });
    return `<code class="deck-math-error">${escapeHtml(tex)}</code>`;
  }
}

/**
 * Inline `$…$` by Pandoc's rule, stricter than the package's: the opening `$` has a non-space
 * right of it and no letter, digit or hyphen left of it; the closing `$` has a non-space left of it
 * and no digit right of it. So prices stay text however many a paragraph has (`13 Mrd. US-$ und
 * 80 Mrd. US-$`, `$5 and $10`), while `$x$-Achse` and `($n$)` are math. `\$` is a dollar sign.
 */
const inlineMath = (state: StateInline, silent: boolean): boolean => {
  const { src, pos } = state;
  if (src[pos] !== '$') return false;
  if (src[pos + 1] === '$') return inlineDisplayMath(state, silent);
  const before = src[pos - 1];
  const after = src[pos + 1];
  if (after === undefined || /\s/.test(after) || (before !== undefined && /[\p{L}\p{N}-]/u.test(before))) return false;
  let close = pos + 1;
  for (;;) {
    close = src.indexOf('$', close + 1);
    if (close === -1) return false;
    if (src[close - 1] === '\\' || /\s/.test(src[close - 1]!) || /\d/.test(src[close + 1] ?? '')) continue;
    break;
  }
  if (!silent) {
    const token = state.push(INLINE, 'math', 0);
    token.markup = '$';
    token.content = src.slice(pos + 1, close);
  }
  state.pos = close + 1;
  return true;
};

/** `$$…$$` inside a paragraph: a display formula there. */
function inlineDisplayMath(state: StateInline, silent: boolean): boolean {
  const close = state.src.indexOf('$$', state.pos + 2);
  if (close === -1 || state.src.slice(state.pos + 2, close).trim() === '') return false;
  if (!silent) {
    const token = state.push(BLOCK, 'math', 0);
    token.markup = '$$';
    token.content = state.src.slice(state.pos + 2, close);
  }
  state.pos = close + 2;
  return true;
}

/**
 * A block starting with `$$` and ending with a line that ends in `$$` (`$$ x $$` on one line too);
 * the formula may start on the opening line. Never closed, it is no math but a paragraph.
 */
function blockMath(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const lineText = (line: number) => state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]).trimEnd();
  const first = lineText(startLine);
  if (!first.startsWith('$$')) return false;
  const opening = first.slice(2);
  let last = startLine;
  const lines: string[] = [];
  if (opening.length >= 2 && opening.endsWith('$$')) {
    lines.push(opening.slice(0, -2));
  } else {
    if (opening.trim()) lines.push(opening);
    for (last = startLine + 1; ; last++) {
      if (last >= endLine || (state.sCount[last]! < state.blkIndent && !state.isEmpty(last))) return false;
      const text = lineText(last);
      if (text.endsWith('$$')) {
        if (text.slice(0, -2).trim()) lines.push(text.slice(0, -2));
        break;
      }
      lines.push(text);
    }
  }
  if (silent) return true;
  const token = state.push(BLOCK, 'math', 0);
  token.block = true;
  token.markup = '$$';
  token.content = lines.join('\n');
  token.map = [startLine, last + 1];
  // The formula's first line: the one after a bare `$$`.
  token.meta = { sourceLine: lineOf(deckEnv(state.env), token.map) + (opening.trim() ? 0 : 1) };
  state.line = last + 1;
  return true;
}

export default function deckMath(md: MarkdownIt): void {
  md.inline.ruler.after('escape', INLINE, inlineMath);
  md.block.ruler.before('fence', BLOCK, blockMath, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });

  // Inline tokens carry no line of their own: the paragraph's line plus the line breaks before them.
  md.core.ruler.push('deck_math_lines', (state) => {
    const env = deckEnv(state.env);
    for (const token of state.tokens) {
      if (token.type !== 'inline' || !token.children?.some((child) => INLINE_TYPES.includes(child.type))) continue;
      const lines = childLines(env, token);
      token.children.forEach((child, index) => {
        child.meta = { ...(child.meta as object | null), sourceLine: lines[index] };
      });
    }
  });

  const lineOfToken = (env: RenderEnv, token: Token) => (token.meta as { sourceLine?: number } | null)?.sourceLine ?? lineOf(env, token.map);

  md.renderer.rules[INLINE] = (tokens, index, _options, rawEnv) => {
    const env = deckEnv(rawEnv);
    const token = tokens[index]!;
    return render(env, token.content, false, lineOfToken(env, token));
  };
  md.renderer.rules[BLOCK] = (tokens, index, _options, rawEnv) => {
    const env = deckEnv(rawEnv);
    const token = tokens[index]!;
    const html = render(env, token.content, true, lineOfToken(env, token));
    // Only a block of its own has a source map; `$$…$$` in a paragraph stays inside the paragraph.
    return token.map ? `<div class="deck-math" ${LINE_ATTRIBUTE}="${lineOf(env, token.map)}">${html}</div>\n` : html;
  };
}
