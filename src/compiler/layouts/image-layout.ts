/**
 * `image-left` / `image-right`: the slide's first image fills that half of the slide, the rest
 * of the slide stands beside it. The image is a Markdown image in a paragraph of its own, at the
 * slide's top level; its paragraph is marked for the style sheet.
 */
import type { Token } from 'markdown-it';
import { LAYOUT_CLASSES } from '../../page-contract.ts';
import type { LayoutContext } from './layout-context.ts';

const isBlank = (child: Token) => (child.type === 'text' && child.content.trim() === '') || child.type === 'softbreak';

export function shapeImageLayout({ layout, tokens, report, lineOf, slideLine }: LayoutContext): void {
  const index = tokens.findIndex((token) => token.type === 'inline' && token.children?.some((child) => child.type === 'image'));
  if (index === -1) {
    report(slideLine, `an ${layout} slide needs an image: ![description](file) in a paragraph of its own`);
    return;
  }
  const inline = tokens[index]!;
  const paragraph = tokens[index - 1];
  const alone = inline.children!.filter((child) => !isBlank(child)).length === 1;
  if (!alone || paragraph?.type !== 'paragraph_open' || paragraph.level !== 0) {
    report(lineOf(inline), `the image of an ${layout} slide stands in a paragraph of its own, outside lists and columns: it fills half the slide`);
    return;
  }
  paragraph.attrJoin('class', LAYOUT_CLASSES.image);
}
