/**
 * The `:::` container fences of one slide (`::: columns`, `::: column 40%`, `:::`), matched as
 * an author nests them: a bare `:::` closes the innermost open container. markdown-it-container
 * nests only when an outer fence is longer than the inner ones (`:::: columns` around `:::`), as
 * code fences do; so each matched pair is rewritten to a length that nests (an outer fence one
 * colon longer than the longest inside it), and longer than any colon line inside a code block,
 * which would otherwise close a container. Line count and order stay, so source lines stay right.
 * What does not match (a column outside columns, a fence never closed …) is reported as data.
 */
import { similarKey } from '../settings/schema-messages.ts';

export const CONTAINER_NAMES = ['columns', 'column'] as const;
const isContainer = (name: string) => (CONTAINER_NAMES as readonly string[]).includes(name);

export interface FenceProblem {
  /** File line (`firstLine` for the text's first line). */
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface ScannedColumn {
  /** File line of its fence. */
  line: number;
  /** The width asked for, in percent of the row; absent: an equal share of what the others leave. */
  width?: number;
}

export interface ScannedFences {
  /** The text with each matched pair of fences rewritten to a nesting length. */
  text: string;
  problems: FenceProblem[];
  /** Each `::: columns` group (opened at `line`) with its columns. */
  groups: { line: number; columns: ScannedColumn[] }[];
}

interface OpenContainer {
  name: string;
  line: number;
  /** Containers opened directly inside this one. */
  children: OpenContainer[];
  /** Its closing fence's line, once found. */
  closedAt?: number;
  columns: ScannedColumn[];
  strayText?: boolean;
}

const CONTAINER_FENCE = /^( {0,3})(:{3,})[ \t]*(.*?)[ \t]*$/;
const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})/;
const COLON_LINE = /^ {0,3}(:{3,})[ \t]*$/;
const WIDTH = /^(\d{1,2}(?:\.\d+)?) ?%$/;
/** A line that is only an HTML comment (`<!-- .element: … -->`): allowed between columns. */
const COMMENT_LINE = /^\s*<!--.*-->\s*$/;
export const MAX_COLUMNS = 3;

/** `firstLine`: the file line of the text's first line, for the problems' lines and messages. */
export function scanContainerFences(text: string, firstLine: number): ScannedFences {
  const lines = text.split('\n');
  const problems: FenceProblem[] = [];
  const groups: ScannedFences['groups'] = [];
  const roots: OpenContainer[] = [];
  const stack: OpenContainer[] = [];
  const fileLine = (index: number) => firstLine + index;
  const problem = (index: number, message: string, severity: FenceProblem['severity'] = 'error') => problems.push({ line: fileLine(index), severity, message });
  const strayText = (container: OpenContainer | undefined, index: number) => {
    if (container?.name !== 'columns' || container.strayText) return;
    container.strayText = true;
    problem(index, 'text inside ::: columns but outside any ::: column: put it in a column, or after the closing :::');
  };
  let code: string | null = null;
  let longestColonLineInCode = 0;

  lines.forEach((line, index) => {
    if (code !== null) {
      const fence = CODE_FENCE.exec(line)?.[1];
      if (fence && fence[0] === code[0] && fence.length >= code.length && line.trim() === fence) code = null;
      else longestColonLineInCode = Math.max(longestColonLineInCode, COLON_LINE.exec(line)?.[1]!.length ?? 0);
      return;
    }
    const top = stack[stack.length - 1];
    const codeFence = CODE_FENCE.exec(line)?.[1];
    if (codeFence) {
      code = codeFence;
      strayText(top, index);
      return;
    }
    const fence = CONTAINER_FENCE.exec(line);
    if (!fence) {
      if (line.trim() !== '' && !COMMENT_LINE.test(line)) strayText(top, index);
      return;
    }
    const params = fence[3]!;
    if (params === '') {
      const closed = stack.pop();
      if (!closed) problem(index, '::: closes no container: every ::: closes a ::: columns or ::: column opened above it');
      else {
        closed.closedAt = index;
        if (closed.name === 'columns') finishColumns(closed);
      }
      return;
    }
    const [name = '', ...rest] = params.split(/\s+/);
    const opened: OpenContainer = { name, line: index, children: [], columns: [] };
    (top ? top.children : roots).push(opened);
    stack.push(opened);
    if (name === 'columns') {
      if (rest.length) problem(index, `::: columns takes no options (got "${rest.join(' ')}"): widths go on each column, e.g. ::: column 40%`);
      if (stack.some((open) => open !== opened && isContainer(open.name))) problem(index, '::: columns inside columns is not supported');
      groups.push({ line: fileLine(index), columns: opened.columns });
    } else if (name === 'column') {
      openColumn(opened, top, rest.join(' '));
    } else {
      const near = similarKey(name, CONTAINER_NAMES);
      const hint = near ? ` (did you mean "${near}"?)` : '';
      // A warning: the lines stay text, as before columns existed.
      problem(index, `unknown container "::: ${name}"${hint}: only ::: columns and ::: column exist; its lines stay text`, 'warning');
    }
  });

  function openColumn(column: OpenContainer, parent: OpenContainer | undefined, widthText: string): void {
    if (parent?.name === 'column') {
      problem(column.line, `::: column inside a column: close the column above (line ${fileLine(parent.line)}) with ::: before the next one`);
    } else if (parent?.name !== 'columns') {
      problem(column.line, '::: column outside ::: columns: columns stand inside a ::: columns … ::: block');
    }
    const entry: ScannedColumn = { line: fileLine(column.line) };
    if (widthText) {
      const width = WIDTH.exec(widthText);
      const value = width ? Number(width[1]) : NaN;
      if (!(value > 0 && value < 100)) problem(column.line, `column width "${widthText}" must be a percentage above 0 % and below 100 %, e.g. ::: column 40%`);
      else entry.width = value;
    }
    if (parent?.name !== 'columns') return;
    parent.columns.push(entry);
    if (parent.columns.length === MAX_COLUMNS + 1) problem(column.line, `more than ${MAX_COLUMNS} columns in one ::: columns (opened at line ${fileLine(parent.line)}): use two or three`);
  }

  function finishColumns(group: OpenContainer): void {
    if (group.columns.length < 2) problem(group.line, `::: columns needs two or three ::: column blocks, found ${group.columns.length}`);
    const total = group.columns.reduce((sum, column) => sum + (column.width ?? 0), 0);
    if (total > 100) problem(group.line, `column widths add up to ${+total.toFixed(2)} %: at most 100 %`);
    else if (total === 100 && group.columns.some((column) => column.width === undefined)) {
      problem(group.line, 'column widths add up to 100 % and leave nothing for the columns without a width');
    }
  }

  for (const open of stack) {
    if (isContainer(open.name)) problem(open.line, `::: ${open.name} is never closed: end it with a line ::: before the slide ends`);
  }

  // Rewrite each matched pair to a length that nests, longer than any colon line in code.
  const base = Math.max(3, longestColonLineInCode + 1);
  const height = (container: OpenContainer): number =>
    container.children.length === 0 ? 0 : 1 + Math.max(...container.children.map(height));
  const rewrite = (container: OpenContainer) => {
    container.children.forEach(rewrite);
    // An unknown container stays text as written; its fences still count for the lengths around it.
    if (container.closedAt === undefined || !isContainer(container.name)) return;
    const colons = ':'.repeat(base + height(container));
    lines[container.line] = lines[container.line]!.replace(/:{3,}/, colons);
    lines[container.closedAt] = lines[container.closedAt]!.replace(/:{3,}/, colons);
  };
  roots.forEach(rewrite);
  problems.sort((a, b) => a.line - b.line);
  return { text: lines.join('\n'), problems, groups };
}
