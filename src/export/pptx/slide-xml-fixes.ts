/**
 * What pptxgenjs writes wrongly in a slide part: it writes a paragraph's properties (`a:pPr`) before
 * every run of the paragraph, not only first, while the schema allows one, first (`CT_TextParagraph`);
 * PowerPoint reports such a file as needing repair. The runs of one paragraph carry the same
 * properties (place-blocks.ts gives each run its paragraph's settings), so the first is kept.
 */

/** An `a:pPr` after a run or a line break inside a paragraph: never the paragraph's first child. */
const LATER_PARAGRAPH_PROPERTIES = /(<\/a:r>|<a:br\/>)<a:pPr\b(?:[^>]*\/>|[^>]*>[\s\S]*?<\/a:pPr>)/g;

export function fixSlideXml(xml: string): string {
  return xml.replace(LATER_PARAGRAPH_PROPERTIES, '$1');
}
