/**
 * Points the local files a slide shows (Markdown images; raw HTML's images,
 * media and CSS `url()`) at the URLs the adapter gives them through
 * `resolveUrl`: the builder's hashed copies, the dev server's file route.
 * Runs late, so every check before it names a URL as the author wrote it.
 * A missing file keeps its URL (`resolveUrl` returns it as written).
 */
import type { MarkdownIt } from 'markdown-it';
import { rewriteAssetUrls } from '../html/rewrite-asset-urls.ts';
import { deckEnv } from '../render-env.ts';
import { isLocalUrl } from './deck-assets.ts';

export default function deckResolveUrls(md: MarkdownIt): void {
  md.core.ruler.push('deck_resolve_urls', (state) => {
    const env = deckEnv(state.env);
    const resolveUrl = env.resolveUrl;
    if (!resolveUrl) return;
    const rewrite = (url: string) => (isLocalUrl(url) ? resolveUrl(url, env.file) : url);
    for (const token of state.tokens) {
      if (token.type === 'html_block') token.content = rewriteAssetUrls(token.content, rewrite);
      for (const child of token.type === 'inline' ? (token.children ?? []) : []) {
        if (child.type === 'html_inline') child.content = rewriteAssetUrls(child.content, rewrite);
        if (child.type === 'image') child.attrSet('src', rewrite(String(child.attrGet('src') ?? '')));
      }
    }
  });
}
