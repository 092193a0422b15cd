/**
 * `<!-- .slide: data-background-color="#123" class="title" -->` anywhere in a
 * slide sets attributes of its `<section>`; the comment itself is dropped.
 */
import type { MarkdownIt } from 'markdown-it';
import type { Token } from 'markdown-it';
import { ATTRIBUTE_COMMENT, parseAttributes } from '../html/parse-attributes.ts';
import { deckEnv, lineOf, type RenderEnv } from '../render-env.ts';

export function applyAttributeComment(
  env: RenderEnv,
  target: Record<string, string> | Token,
  body: string,
  line: number,
): void {
  const { attributes, rest } = parseAttributes(body);
  reportUnreadAttributes(env, rest, line);
  for (const [name, value] of attributes) {
    if (isToken(target)) {
      if (name === 'class') target.attrJoin('class', value);
      else target.attrSet(name, value);
    } else {
      target[name] = name === 'class' && target.class ? `${target.class} ${value}` : value;
    }
  }
}

/** What of an attribute comment could not be read as attributes (`rest`), reported at its line. */
export function reportUnreadAttributes(env: RenderEnv, rest: string, line: number): void {
  if (!rest) return;
  env.diagnostics.push({
    severity: 'warning',
    code: 'attribute-comment',
    message: `could not read attributes from "${rest}": write them as name="value"`,
    file: env.file,
    line,
  });
}

function isToken(target: Record<string, string> | Token): target is Token {
  return typeof (target as Token).attrSet === 'function';
}

export default function deckSlideAttributes(md: MarkdownIt): void {
  md.core.ruler.push('deck_slide_attributes', (state) => {
    const env = deckEnv(state.env);
    const take = (token: Token, line: number): boolean => {
      const match = ATTRIBUTE_COMMENT.exec(token.content);
      if (!match || match[1] !== 'slide') return false;
      applyAttributeComment(env, env.slideAttributes, match[2]!, line);
      return true;
    };
    state.tokens = state.tokens.filter((token) => {
      if (token.type === 'html_block') return !take(token, lineOf(env, token.map));
      if (token.type === 'inline' && token.children) {
        token.children = token.children.filter((child) => child.type !== 'html_inline' || !take(child, lineOf(env, token.map)));
      }
      return true;
    });
  });
}
