/**
 * Preloads the fonts of the entry stylesheet in the built page. Without it the
 * browser finds them only after the stylesheet is parsed and the first slide
 * laid out (the bold face even later), and the deck's readiness signal waits
 * for `document.fonts.ready`: one more round trip before the first slide.
 */
import type { HtmlTagDescriptor, Plugin } from 'vite';

/** `url(...)` targets ending in `.woff2` in a stylesheet. */
export function woff2Urls(css: string): string[] {
  return Array.from(css.matchAll(/url\(\s*["']?([^"')]+\.woff2)(?:[?#][^"')]*)?["']?\s*\)/g), (match) => match[1]!);
}

export function fontPreloadPlugin(): Plugin {
  return {
    name: 'deck-font-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return [];
        const entryCss = [...(chunk.viteMetadata?.importedCss ?? [])];
        const fonts = new Set<string>();
        for (const fileName of entryCss) {
          const asset = bundle[fileName];
          if (asset?.type !== 'asset') continue;
          const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
          // The stylesheet sits in the assets folder beside its fonts: `./x.woff2` or `x.woff2`.
          for (const url of woff2Urls(css)) {
            const name = url.replace(/^\.\//, '');
            const font = Object.keys(bundle).find((key) => key.endsWith(`/${name}`) || key === name);
            if (font) fonts.add(font);
          }
        }
        return [...fonts].map(
          (font): HtmlTagDescriptor => ({
            tag: 'link',
            // `crossorigin` as for the stylesheet's own font request, or the preload is not reused.
            attrs: { rel: 'preload', href: `./${font}`, as: 'font', type: 'font/woff2', crossorigin: '' },
            injectTo: 'head',
          }),
        );
      },
    },
  };
}
