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

export function countNewlines(text: string, end = text.length): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
