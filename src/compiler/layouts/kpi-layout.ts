/**
 * `kpi`: one to four figures, large, each with its label. Written as one list whose items start
 * with the figure in bold (`- **13 Mrd. US-$** Investition`); the author writes the figures in
 * the deck's language, and a decimal separator of another language (`13.5` in a German deck) is
 * a warning. The list is marked for the style sheet, which sets the figures side by side.
 */
import type { Token } from 'markdown-it';
import { LAYOUT_CLASSES } from '../../page-contract.ts';
import { closingIndex, topLevel, type LayoutContext } from './layout-context.ts';

export const MAX_KPIS = 4;
const FORM = '- **13 Mrd. US-$** Investition (the figure in bold, then its label)';

export function shapeKpiLayout({ tokens, env, report, lineOf, slideLine }: LayoutContext): void {
  const lists = [...topLevel(tokens, 'bullet_list_open'), ...topLevel(tokens, 'ordered_list_open')].sort((a, b) => a - b);
  if (lists.length === 0) {
    report(slideLine, `a kpi slide needs a list of one to four figures, each item written ${FORM}`);
    return;
  }
  if (lists.length > 1) report(lineOf(tokens[lists[1]!]), 'a kpi slide holds one list of figures: put the other text in a paragraph');
  const list = lists[0]!;
  const end = closingIndex(tokens, list);
  const items = tokens.slice(list, end).flatMap((token, i) => (token.type === 'list_item_open' && token.level === tokens[list]!.level + 1 ? [list + i] : []));
  if (items.length > MAX_KPIS) report(lineOf(tokens[items[MAX_KPIS]!]), `a kpi slide shows at most ${MAX_KPIS} figures, this list has ${items.length}`);
  for (const item of items) checkItem(tokens, item, env.settings.lang, report, lineOf);
  tokens[list]!.attrJoin('class', LAYOUT_CLASSES.kpis);
}

function checkItem(tokens: Token[], item: number, lang: string, report: LayoutContext['report'], lineOf: LayoutContext['lineOf']): void {
  const line = lineOf(tokens[item]);
  const blocks = tokens.slice(item + 1, closingIndex(tokens, item)).filter((token) => token.level === tokens[item]!.level + 1 && token.nesting !== -1);
  const inline = tokens[item + 2];
  if (blocks.length !== 1 || blocks[0]!.type !== 'paragraph_open' || inline?.type !== 'inline') {
    report(line, `a kpi item is one line: ${FORM}`);
    return;
  }
  const children = (inline.children ?? []).filter((child) => !(child.type === 'text' && child.content.trim() === ''));
  const close = children.findIndex((child) => child.type === 'strong_close');
  if (children[0]?.type !== 'strong_open' || close === -1) {
    report(line, `a kpi item starts with its figure in bold: ${FORM}`);
    return;
  }
  const figure = textOf(children.slice(1, close));
  const label = textOf(children.slice(close + 1)).trim();
  if (!/\d/.test(figure)) report(line, `the figure "**${figure}**" has no number in it: ${FORM}`);
  else if (!label) report(line, `the figure "**${figure}**" has no label after it: ${FORM}`);
  const misuse = foreignDecimal(figure, lang);
  if (misuse) report(line, `"${figure}" writes "${misuse.written}", which reads as a decimal; in the deck's language (${lang}) that is "${misuse.meant}"`, 'warning');
}

function textOf(children: readonly Token[]): string {
  return children.map((child) => (child.type === 'softbreak' ? ' ' : child.content)).join('');
}

/**
 * A decimal separator the deck's language does not use: a `.` or `,` between digits that is
 * not followed by exactly three digits (those may be a thousands separator).
 */
export function foreignDecimal(figure: string, lang: string): { written: string; meant: string } | null {
  const decimal = new Intl.NumberFormat(lang).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  for (const match of figure.matchAll(/(\d+)([.,])(\d+)/g)) {
    const [written, whole, separator, fraction] = match as unknown as [string, string, string, string];
    if (separator === decimal || fraction.length === 3) continue;
    return { written, meant: `${whole}${decimal}${fraction}` };
  }
  return null;
}
