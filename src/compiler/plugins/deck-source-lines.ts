/**
 * Marks rendered block elements with `data-line="N"`, the 1-based line in the
 * Markdown file where the block starts, so a finding made in the browser
 * (overflow, tiny text, an accessibility problem) names the Markdown line, not
 * the HTML. Blocks with a source map get it as an attribute; raw HTML blocks
 * and fences (rendered by the highlighter or the chart plugin) on their first tag.
 */
import type { MarkdownIt } from 'markdown-it';
import { setFirstTagAttributes } from '../html/first-tag.ts';
import { LINE_ATTRIBUTE } from '../../page-contract.ts';
import { deckEnv, lineOf } from '../render-env.ts';


const FIRST_TAG = /^(\s*<[A-Za-z][\w-]*)(?=[\s/>])/;

/** Adds the attribute to the first start tag of `html`, if it starts with one and has none yet. */
function markFirstTag(html: string, line: number): string {
  const match = FIRST_TAG.exec(html);
  if (!match) return html;
  const end = html.indexOf('>', match[0].length);
  if (end !== -1 && html.slice(match[0].length, end).includes(`${LINE_ATTRIBUTE}=`)) return html;
  return `${match[1]} ${LINE_ATTRIBUTE}="${line}"${html.slice(match[0].length)}`;
}

export default function deckSourceLines(md: MarkdownIt): void {
  md.core.ruler.push('deck_source_lines', (state) => {
    const env = deckEnv(state.env);
    for (const token of state.tokens) {
      if (!token.map) continue;
      const line = lineOf(env, token.map);
      if ((token.nesting === 1 && !token.hidden) || token.type === 'code_block' || token.type === 'hr') token.attrSet(LINE_ATTRIBUTE, String(line));
      else if (token.type === 'html_block') token.content = markFirstTag(token.content, line);
      else if (token.type === 'fence') token.meta = { ...(token.meta as object | null), sourceLine: line };
    }
  });

  // Fences are rendered by the chart plugin or the highlighter, which ignore token attributes
  // (those of an `.element` comment after the fence belong on its `<pre>`, as in reveal.js).
  const renderFence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    const html = setFirstTagAttributes(renderFence(tokens, index, options, env, self), token.attrs ?? []);
    const line = (token.meta as { sourceLine?: number } | null)?.sourceLine;
    return line === undefined ? html : markFirstTag(html, line);
  };
}
