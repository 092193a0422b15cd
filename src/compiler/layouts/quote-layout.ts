/**
 * `quote`: one quotation and its source, large. Written as a blockquote and, right after it, a
 * paragraph naming the source (`— Satya Nadella, 2023`); shaped into a `<figure>` with the
 * blockquote and the source as its `<figcaption>`, as HTML marks up a quotation with its source.
 */
import { LAYOUT_CLASSES } from '../../page-contract.ts';
import { closingIndex, topLevel, type LayoutContext } from './layout-context.ts';

const FORM = '> the quoted words, then its source in a paragraph right after it (— Satya Nadella, 2023)';

export function shapeQuoteLayout({ tokens, report, lineOf, newToken, slideLine }: LayoutContext): void {
  const quotes = topLevel(tokens, 'blockquote_open');
  if (quotes.length === 0) {
    report(slideLine, `a quote slide needs a quote: ${FORM}`);
    return;
  }
  if (quotes.length > 1) report(lineOf(tokens[quotes[1]!]), 'a quote slide holds one quote: give the others slides of their own');
  const open = quotes[0]!;
  const close = closingIndex(tokens, open);
  const source = tokens[close + 1];
  if (source?.type !== 'paragraph_open' || source.level !== 0) {
    report(lineOf(tokens[open]), `a quote slide names the quote's source: ${FORM}`);
    return;
  }
  const sourceClose = closingIndex(tokens, close + 1);
  source.tag = 'figcaption';
  tokens[sourceClose]!.tag = 'figcaption';
  const figure = newToken('deck_quote_open', 'figure', 1);
  figure.attrSet('class', LAYOUT_CLASSES.quote);
  figure.block = true;
  const figureClose = newToken('deck_quote_close', 'figure', -1);
  figureClose.block = true;
  tokens.splice(sourceClose + 1, 0, figureClose);
  tokens.splice(open, 0, figure);
}
