/**
 * reveal.js's line numbers and line-highlight steps, as its markdown plugin reads them from the
 * fence's info string: ```` ```ts [1|3-4|6] ```` (steps split by `|`, lines by `,`, ranges by `-`),
 * ```` ```ts [] ```` (line numbers only), ```` ```ts [10: 1|3] ```` (numbered from 10).
 *
 * Highlighting stays at build time: this writes the markup reveal.js's highlight plugin would make
 * in the browser — a table of numbered lines per step (`.hljs-ln`, `tr.highlight-line`,
 * `code.has-highlights`), the first step shown, each further step a copy of the block that is a
 * fragment. The steps are thus plain reveal.js fragments: presenting, the speaker view and
 * `deck export --fragments` step through them with no script of their own.
 */
import type { MarkdownIt } from 'markdown-it';
import { escapeHtml } from '../html/escape-html.ts';
import { highlightCode } from '../highlighter.ts';
import { deckEnv, lineOf, type RenderEnv } from '../render-env.ts';

/** reveal.js's markdown plugin's pattern for the bracket in the info string. */
const LINE_NUMBERS = /\[\s*(?:(\d*):)?\s*([\s\d,|-]*)\]/;

/** Lines of one step: single lines and ranges, 1-based positions in the block. */
type Step = { start: number; end: number }[];

export interface CodeSteps {
  language: string;
  /** The steps as written (normalised), one `data-line-numbers` value each. */
  specs: string[];
  steps: Step[];
  startFrom: number | null;
}

/** The line numbers and steps an info string asks for, or null when it has no `[…]`. */
export function parseCodeSteps(info: string): CodeSteps | null {
  const match = LINE_NUMBERS.exec(info);
  if (!match) return null;
  const language = info.slice(0, match.index).trim().split(/\s+/)[0] ?? '';
  const specs = match[2]!.replace(/\s/g, '').split('|');
  const steps = specs.map((spec) =>
    spec
      .split(',')
      .filter((part) => /^\d+(-\d+)?$/.test(part))
      .map((part) => {
        const [start, end] = part.split('-').map(Number) as [number, number | undefined];
        return { start, end: end ?? start };
      }),
  );
  return { language, specs, steps, startFrom: match[1] ? Number(match[1]) : null };
}

/**
 * Highlighted HTML split into lines, each with the spans open at its start reopened and closed at
 * its end (a comment or string may run over lines), as reveal.js's line-number plugin splits them.
 */
export function splitHighlightedLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let line = '';
  for (const [part] of html.matchAll(/<span[^>]*>|<\/span>|[^<]+/g)) {
    if (part.startsWith('<span')) {
      open.push(part);
      line += part;
    } else if (part === '</span>') {
      open.pop();
      line += part;
    } else {
      const pieces = part.split('\n');
      pieces.forEach((piece, index) => {
        if (index > 0) {
          lines.push(line + '</span>'.repeat(open.length));
          line = open.join('');
        }
        line += piece;
      });
    }
  }
  lines.push(line);
  // The fence's last newline ends the code; it starts no line.
  if (lines.length > 1 && lines[lines.length - 1]!.replace(/<[^>]+>/g, '') === '') lines.pop();
  return lines;
}

function table(lines: string[], step: Step, startFrom: number): string {
  const highlighted = (n: number) => step.some(({ start, end }) => n >= start && n <= end);
  const rows = lines.map((line, index) => {
    const number = index + startFrom;
    const cls = highlighted(index + 1) ? ' class="highlight-line"' : '';
    return `<tr${cls}><td class="hljs-ln-line hljs-ln-numbers" data-line-number="${number}"><div class="hljs-ln-n" data-line-number="${number}"></div></td><td class="hljs-ln-line hljs-ln-code" data-line-number="${number}">${line || ' '}</td></tr>`;
  });
  return `<table class="hljs-ln">${rows.join('')}</table>`;
}

function warnOutOfRange(env: RenderEnv, steps: Step[], lineCount: number, fenceLine: number): void {
  steps.forEach((step, index) => {
    const beyond = step.find(({ start, end }) => start < 1 || end > lineCount || start > end);
    if (!beyond) return;
    const lines = beyond.start === beyond.end ? `line ${beyond.start}` : `lines ${beyond.start}-${beyond.end}`;
    env.diagnostics.push({
      severity: 'warning',
      code: 'code-steps',
      message: `step ${index + 1} highlights ${lines}, but the code block has ${lineCount} line${lineCount === 1 ? '' : 's'}`,
      file: env.file,
      line: fenceLine,
    });
  });
}

export default function deckCodeSteps(md: MarkdownIt): void {
  const fallback = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, index, options, rawEnv, self) => {
    const token = tokens[index]!;
    const parsed = parseCodeSteps(token.info);
    if (!parsed) return fallback(tokens, index, options, rawEnv, self);
    const env = deckEnv(rawEnv);
    const lines = splitHighlightedLines(highlightCode(token.content, parsed.language));
    warnOutOfRange(env, parsed.steps, lines.length, lineOf(env, token.map));
    const language = parsed.language ? ` language-${escapeHtml(parsed.language)}` : '';
    const startFrom = parsed.startFrom === null ? '' : ` data-ln-start-from="${parsed.startFrom}"`;
    const codes = parsed.steps.map((step, stepIndex) => {
      const classes = `hljs${language}${step.length > 0 ? ' has-highlights' : ''}${stepIndex > 0 ? ' fragment' : ''}`;
      return `<code class="${classes}" data-line-numbers="${parsed.specs[stepIndex]}"${startFrom}>${table(lines, step, parsed.startFrom ?? 1)}</code>`;
    });
    return `<pre class="code-wrapper">${codes.join('')}</pre>\n`;
  };
}
