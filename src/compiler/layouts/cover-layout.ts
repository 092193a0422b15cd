/**
 * `cover`: a full-bleed background image (`data-background-image` in the slide's `.slide`
 * comment, or a video) with the slide's text on a dark scrim, so it reads on any photo. The body
 * is wrapped in the scrim's box; the slide gets a dark background colour under the image (unless
 * it names one), so reveal.js gives it light text and controls, as on a dark slide.
 */
import { LAYOUT_CLASSES } from '../../page-contract.ts';
import type { LayoutContext } from './layout-context.ts';

/** Under the photo while it loads, and what tells reveal.js the slide is dark. */
export const COVER_BACKGROUND_COLOR = '#000000';

export function shapeCoverLayout({ tokens, env, report, newToken, slideLine }: LayoutContext): void {
  const attributes = env.slideAttributes;
  if (!attributes['data-background-image'] && !attributes['data-background-video']) {
    report(slideLine, 'a cover slide needs a background image: <!-- .slide: class="cover" data-background-image="assets/photo.jpg" -->');
  }
  if (!tokens.some((token) => token.type === 'heading_open')) {
    report(slideLine, 'a cover slide shows its title on the image: give it a heading (# Title)');
  }
  attributes['data-background-color'] ??= COVER_BACKGROUND_COLOR;
  const open = newToken('deck_cover_open', 'div', 1);
  open.attrSet('class', LAYOUT_CLASSES.coverText);
  open.block = true;
  const close = newToken('deck_cover_close', 'div', -1);
  close.block = true;
  tokens.unshift(open);
  tokens.push(close);
}
