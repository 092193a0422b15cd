/**
 * `<!-- .element: class="fragment" -->` sets attributes of the element before
 * it, as reveal.js's markdown plugin does: the previous sibling element, else
 * the enclosing one (so at the end of a list item it applies to the `<li>`).
 */
import type { MarkdownIt } from 'markdown-it';
import type { Token } from 'markdown-it';
import { applyAttributeComment } from './deck-slide-attributes.ts';
import { ATTRIBUTE_COMMENT } from '../html/parse-attributes.ts';
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

/** Applies the comment's attributes, or reports that there is no element before it. */
function attach(env: RenderEnv, target: Token | null, attributes: string, line: number): void {
  if (target) {
    applyAttributeComment(env, target, attributes, line);
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

export default function deckElementAttributes(md: MarkdownIt): void {
  md.core.ruler.push('deck_element_attributes', (state) => {
    const env = deckEnv(state.env);
    const tokens = state.tokens;
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
        const target = previousElement(tokens, i, isBlockFiller);
        attach(env, target, match[2]!, lineOf(env, token.map));
        tokens.splice(i--, 1);
      }
    }
  });
}
