/**
 * Images need a text alternative for screen readers: a Markdown image with an
 * empty alt (`![](chart.png)`) and an HTML `<img>` without an `alt` attribute
 * are `image-alt` warnings (`<img alt="">` marks a decorative image on purpose).
 */
import type { MarkdownIt } from 'markdown-it';
import { htmlTags } from '../html/html-references.ts';
import { forEachHtml, newlinesBefore } from '../inline-lines.ts';
import { deckEnv, type RenderEnv } from '../render-env.ts';

function warn(env: RenderEnv, line: number, message: string): void {
  env.diagnostics.push({ severity: 'warning', code: 'image-alt', message, file: env.file, line });
}

function checkHtml(env: RenderEnv, html: string, firstLine: number): void {
  const linesBefore = newlinesBefore(html);
  for (const tag of htmlTags(html)) {
    if (tag.name === 'img' && !tag.attributes.has('alt')) {
      warn(env, firstLine + linesBefore(tag.index), `<img src="${tag.attributes.get('src') ?? ''}"> has no alt attribute: describe the image (alt="" if it is decorative)`);
    }
  }
}

export default function deckImageAlt(md: MarkdownIt): void {
  md.core.ruler.push('deck_image_alt', (state) => {
    const env = deckEnv(state.env);
    forEachHtml(env, state.tokens, (html, line) => checkHtml(env, html, line), (child, line) => {
      if (child.type === 'image' && child.content.trim() === '') {
        warn(env, line, `image "${child.attrGet('src') ?? ''}" has no alt text: describe it between the brackets, ![…](…)`);
      }
    });
  });
}
