/**
 * Columns side by side: `::: columns` holds two or three `::: column` blocks (`::: column 40%`
 * for a width), each with any Markdown in it (text, lists, tables, images, charts). Parsed by
 * markdown-it-container; the fences are matched first (container-fences.ts), so that columns
 * nest with three colons each, as authors write them, and a mistake is an error at its line.
 */
import type { MarkdownIt, RendererRule } from 'markdown-it';
import container from 'markdown-it-container';
import { COLUMN_CLASS, COLUMN_SHARE_PROPERTY, COLUMNS_CLASS } from '../../page-contract.ts';
import { scanContainerFences, type ScannedColumn } from '../layouts/container-fences.ts';
import { deckEnv, lineOf, type RenderEnv } from '../render-env.ts';

/** Per render (in `env`): each column's share of its row, by the file line of its fence. */
const SHARES = Symbol('deck column shares');

/**
 * Shares of the row, in percent: a column's width, and for those without one an equal part of
 * what the widths leave; none when no column has a width (the style sheet shares equally).
 */
export function columnShares(columns: readonly ScannedColumn[]): (number | undefined)[] {
  if (columns.every((column) => column.width === undefined)) return columns.map(() => undefined);
  const given = columns.reduce((sum, column) => sum + (column.width ?? 0), 0);
  const open = columns.filter((column) => column.width === undefined).length;
  return columns.map((column) => column.width ?? (100 - given) / open);
}

function sharesOf(env: RenderEnv): Map<number, number> | undefined {
  return env[SHARES] as Map<number, number> | undefined;
}

export default function deckColumns(md: MarkdownIt): void {
  md.core.ruler.after('normalize', 'deck_columns_fences', (state) => {
    const env = deckEnv(state.env);
    if (!state.src.includes(':::')) return;
    const scanned = scanContainerFences(state.src, env.line);
    state.src = scanned.text;
    for (const problem of scanned.problems) {
      env.diagnostics.push({ severity: problem.severity, code: 'columns', message: problem.message, file: env.file, line: problem.line });
    }
    const shares = new Map<number, number>();
    for (const group of scanned.groups) {
      columnShares(group.columns).forEach((share, i) => {
        if (share !== undefined) shares.set(group.columns[i]!.line, share);
      });
    }
    env[SHARES] = shares;
  });

  const withClass = (className: string, share: boolean): RendererRule => (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    if (token.nesting === 1) {
      token.attrJoin('class', className);
      const value = share ? sharesOf(deckEnv(env))?.get(lineOf(deckEnv(env), token.map)) : undefined;
      if (value !== undefined) token.attrSet('style', `${COLUMN_SHARE_PROPERTY}: ${+value.toFixed(3)}`);
    }
    return self.renderToken(tokens, index, options);
  };
  md.use(container, 'columns', { render: withClass(COLUMNS_CLASS, false) });
  md.use(container, 'column', { render: withClass(COLUMN_CLASS, true) });
}
