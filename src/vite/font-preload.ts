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

/** Whether a `unicode-range` value (`U+0-FF`, `U+??`, `U+100-2BA,U+2C6`) takes in the letter A. */
export function rangeCoversLatinLetters(range: string): boolean {
  return range.split(',').some((item) => {
    const [low = '', high = low] = item.trim().replace(/^U\+/i, '').split('-');
    const from = Number.parseInt(low.replace(/\?/g, '0'), 16);
    const to = Number.parseInt(high.replace(/\?/g, 'F'), 16);
    return from <= 0x41 && 0x41 <= to;
  });
}

/**
 * The woff2 files of the faces any slide needs: upright, for Latin letters (all of a face without
 * `unicode-range`). Italics and other scripts' subsets load when a slide uses them, not ahead.
 */
export function essentialWoff2Urls(css: string): string[] {
  const faces = Array.from(css.matchAll(/@font-face\s*\{[^}]*\}/g), (match) => match[0]);
  return faces
    .filter((face) => !/font-style\s*:\s*(italic|oblique)/i.test(face))
    .filter((face) => {
      const range = /unicode-range\s*:\s*([^;}]+)/i.exec(face)?.[1];
      return range === undefined || rangeCoversLatinLetters(range);
    })
    .flatMap(woff2Urls);
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
          for (const url of essentialWoff2Urls(css)) {
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
