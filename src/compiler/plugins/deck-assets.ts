/**
 * Collects the local images and links a slide references (for checks and the
 * bundler; deck-resolve-urls.ts points them at the built copies); external ones are noted too.
 */
import type { MarkdownIt } from 'markdown-it';
import type { Token } from 'markdown-it';
import { deckEnv, lineOf } from '../render-env.ts';

const EXTERNAL = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

export function isLocalUrl(url: string): boolean {
  return url !== '' && !url.startsWith('#') && !EXTERNAL.test(url) && !url.startsWith('data:');
}

export default function deckAssets(md: MarkdownIt): void {
  md.core.ruler.push('deck_assets', (state) => {
    const env = deckEnv(state.env);
    const visit = (token: Token, line: number) => {
      const attribute = token.type === 'image' ? 'src' : token.type === 'link_open' ? 'href' : null;
      if (!attribute) return;
      const url = String(token.attrGet(attribute) ?? '');
      if (url.startsWith('#') || url.startsWith('mailto:')) return;
      const kind = attribute === 'src' ? 'image' : 'link';
      env.assets.push({ url, kind, line, ...(kind === 'image' && { alt: token.content }) });
    };
    for (const token of state.tokens) {
      const line = lineOf(env, token.map);
      if (token.type === 'inline') token.children?.forEach((child) => visit(child, line));
    }
  });
}
