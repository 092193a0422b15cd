/**
 * File lines of the children of an inline token: a paragraph spans several
 * lines, and a finding about an image or an HTML tag in it should name the
 * line the image or tag is on, not the paragraph's first line.
 */
import type { Token } from 'markdown-it';
import { lineOf, type RenderEnv } from './render-env.ts';

/** The 1-based file line of each child of `inline` (same order as `inline.children`). */
export function childLines(env: RenderEnv, inline: Token): number[] {
  let line = lineOf(env, inline.map);
  return (inline.children ?? []).map((child) => {
    const at = line;
    if (child.type === 'softbreak' || child.type === 'hardbreak') line++;
    else line += countNewlines(child.type === 'html_inline' || child.type === 'code_inline' ? child.content : '');
    return at;
  });
}

/**
 * Newlines of `text` before each index asked for, counted on from the previous one, so that asking
 * for every match of a long fragment in order stays linear (an earlier index counts from the start).
 */
export function newlinesBefore(text: string): (index: number) => number {
  let at = 0;
  let count = 0;
  return (index) => {
    if (index < at) {
      at = 0;
      count = 0;
    }
    count += countNewlines(text.slice(at, index));
    at = index;
    return count;
  };
}

export function countNewlines(text: string, end = text.length): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * Calls `visit` with every raw HTML fragment of a rendered chunk (HTML blocks
 * and inline HTML) and the file line it starts on, and `visitChild` (if given)
 * with every other inline child and its line.
 */
export function forEachHtml(
  env: RenderEnv,
  tokens: Token[],
  visit: (html: string, line: number) => void,
  visitChild?: (child: Token, line: number) => void,
): void {
  for (const token of tokens) {
    if (token.type === 'html_block') visit(token.content, lineOf(env, token.map));
    if (token.type !== 'inline' || !token.children) continue;
    const lines = childLines(env, token);
    token.children.forEach((child, i) => {
      if (child.type === 'html_inline') visit(child.content, lines[i]!);
      else visitChild?.(child, lines[i]!);
    });
  }
}
