/**
 * `<!-- .element: class="fragment" -->` sets attributes of an element, as
 * reveal.js's markdown plugin does (`addAttributes`): the previous sibling
 * element, else the enclosing one (so at the start or end of a list item it
 * applies to the `<li>`); after a list with no blank line between, to its last
 * item; after a fence, to its `<pre>`; after raw HTML, to its last element;
 * first in a slide, to the slide itself. Inside raw HTML, comments apply
 * within it (html-directives.ts). One that applies to nothing is reported.
 */
import type { MarkdownIt } from 'markdown-it';
import type { Token } from 'markdown-it';
import { applyAttributeComment, reportUnreadAttributes } from './deck-slide-attributes.ts';
import { applyHtmlDirectives } from '../html/html-directives.ts';
import { ATTRIBUTE_COMMENT } from '../html/parse-attributes.ts';
import { newlinesBefore } from '../inline-lines.ts';
import { deckEnv, lineOf, type RenderEnv } from '../render-env.ts';

/** The opening token of the previous sibling in `tokens` before `index`, or of the enclosing element. */
function previousElement(tokens: Token[], index: number, skip: (t: Token) => boolean): Token | null {
  let depth = 0;
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (token.nesting === -1) {
      if (depth === 0) {
        // Find the matching opening token of this closed sibling.
        let inner = 0;
        for (let j = i; j >= 0; j--) {
          const t = tokens[j]!;
          if (t.nesting === -1) inner++;
          else if (t.nesting === 1 && --inner === 0) return t;
        }
        return null;
      }
      depth++;
    } else if (token.nesting === 1) {
      if (depth === 0) return token.hidden ? previousElement(tokens, i, skip) : token;
      depth--;
    } else if (depth === 0 && !skip(token)) {
      return token;
    }
  }
  return null;
}

const isInlineFiller = (t: Token) => t.type === 'text' || t.type === 'softbreak' || t.type === 'hardbreak' || t.type === 'html_inline';
const isBlockFiller = (t: Token) => t.type === 'inline' || t.type === 'html_block';

/** The last item of the list opened at `tokens[open]`. */
function lastItem(tokens: Token[], open: number): Token | null {
  let depth = 0;
  let last: Token | null = null;
  for (let i = open + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (depth === 0 && token.type === 'list_item_open') last = token;
    depth += token.nesting;
    if (depth < 0) break;
  }
  return last;
}

/** Where a block-level comment at `tokens[index]` applies (reveal.js: a list right before it, without a blank line, means its last item). */
function blockTarget(tokens: Token[], index: number, sourceLines: string[]): Token | null {
  const target = previousElement(tokens, index, isBlockFiller);
  if (!target || (target.type !== 'bullet_list_open' && target.type !== 'ordered_list_open')) return target;
  const line = tokens[index]!.map?.[0];
  const blankBefore = line === undefined || line === 0 || sourceLines[line - 1]!.trim() === '';
  return blankBefore ? target : lastItem(tokens, tokens.indexOf(target)) ?? target;
}

/** Applies the comment's attributes: to `target`, else (first in the slide) to the slide, else reports it. */
function attach(env: RenderEnv, target: Token | null, attributes: string, line: number): void {
  if (target) {
    applyAttributeComment(env, target, attributes, line);
    return;
  }
  if (!env.notes) {
    applyAttributeComment(env, env.slideAttributes, attributes, line);
    return;
  }
  env.diagnostics.push({
    severity: 'warning',
    code: 'attribute-comment',
    message: 'this .element comment has no element before it to apply to (it is ignored)',
    file: env.file,
    line,
  });
}

/** An HTML block that starts with an `.element` comment and goes on with text: `- <!-- .element: … --> text`. */
const LEADING_COMMENT = /^(\s*<!--\s*\.element\b[\s\S]*?-->)[ \t]*(\S[^\n]*)\n?$/;

/**
 * A list item that starts with an `.element` comment is an HTML block to markdown-it (and its text raw
 * HTML); made a paragraph of inline Markdown instead, the comment applies to the `<li>` as in reveal.js.
 */
function leadingComments(state: { tokens: Token[]; Token: new (type: string, tag: string, nesting: -1 | 0 | 1) => Token }): void {
  const tokens = state.tokens;
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    const match = token.type === 'html_block' && tokens[i - 1]!.type === 'list_item_open' ? LEADING_COMMENT.exec(token.content) : null;
    if (!match) continue;
    const open = new state.Token('paragraph_open', 'p', 1);
    const inline = new state.Token('inline', '', 0);
    const close = new state.Token('paragraph_close', 'p', -1);
    open.hidden = close.hidden = true;
    open.map = inline.map = token.map;
    open.level = close.level = token.level;
    inline.level = token.level + 1;
    inline.content = `${match[1]!.trim()}${match[2]!.trimEnd()}`;
    inline.children = [];
    tokens.splice(i, 1, open, inline, close);
  }
}

const LEFT_IN_HTML = /<!--\s*\.(element|slide)\b/;

/** An `.element` comment right after a block of raw HTML applies to that block's last element, as in reveal.js. */
function intoPreviousHtml(env: RenderEnv, tokens: Token[], index: number, sourceLines: string[]): boolean {
  const previous = tokens[index - 1];
  if (previous?.type !== 'html_block') return false;
  // The block's own comments first, so that only this one is read below.
  if (LEFT_IN_HTML.test(previous.content)) htmlDirectives(env, tokens, index - 1, sourceLines);
  const { html, directives } = applyHtmlDirectives(`${previous.content}${tokens[index]!.content}`);
  if (!directives.at(-1)?.applied) return false;
  previous.content = html;
  reportUnreadAttributes(env, directives.at(-1)!.rest, lineOf(env, tokens[index]!.map));
  return true;
}

/** The comments inside a block of raw HTML: `.element` on an element of it (else as a comment of its own), `.slide` on the slide. */
function htmlDirectives(env: RenderEnv, tokens: Token[], index: number, sourceLines: string[]): void {
  const token = tokens[index]!;
  const { html, directives } = applyHtmlDirectives(token.content);
  const linesBefore = newlinesBefore(token.content);
  for (const directive of directives) {
    const line = lineOf(env, token.map) + linesBefore(directive.index);
    if (directive.kind === 'slide') applyAttributeComment(env, env.slideAttributes, directive.attributes, line);
    else if (!directive.applied) attach(env, blockTarget(tokens, index, sourceLines), directive.attributes, line);
    else reportUnreadAttributes(env, directive.rest, line);
  }
  token.content = html;
}

export default function deckElementAttributes(md: MarkdownIt): void {
  md.core.ruler.before('inline', 'deck_leading_element', (state) => leadingComments(state));

  md.core.ruler.push('deck_element_attributes', (state) => {
    const env = deckEnv(state.env);
    const tokens = state.tokens;
    const sourceLines = state.src.split('\n');
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type === 'inline' && token.children) {
        const children = token.children;
        for (let c = 0; c < children.length; c++) {
          const match = children[c]!.type === 'html_inline' ? ATTRIBUTE_COMMENT.exec(children[c]!.content) : null;
          if (!match || match[1] !== 'element') continue;
          const target = previousElement(children, c, isInlineFiller) ?? previousElement(tokens, i, isBlockFiller);
          attach(env, target, match[2]!, lineOf(env, token.map));
          children.splice(c--, 1);
        }
      } else if (token.type === 'html_block') {
        const match = ATTRIBUTE_COMMENT.exec(token.content);
        if (!match || match[1] !== 'element') continue;
        if (!intoPreviousHtml(env, tokens, i, sourceLines)) attach(env, blockTarget(tokens, i, sourceLines), match[2]!, lineOf(env, token.map));
        tokens.splice(i--, 1);
      }
    }
    // Comments inside a larger piece of raw HTML apply within it (an element of it, or the slide).
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type === 'html_block' && LEFT_IN_HTML.test(token.content)) htmlDirectives(env, tokens, i, sourceLines);
    }
  });
}
