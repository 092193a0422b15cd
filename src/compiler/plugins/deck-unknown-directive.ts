/**
 * An HTML comment that looks like a reveal.js directive (`<!-- .slid: … -->`,
 * `<!-- .elemnt class=… -->`) but is neither `.slide` nor `.element` would silently
 * do nothing; it is reported as `unknown-directive` at its line.
 */
import type { MarkdownIt } from 'markdown-it';
import { forEachHtml, newlinesBefore } from '../inline-lines.ts';
import { deckEnv, type RenderEnv } from '../render-env.ts';

const DIRECTIVE_COMMENT = /<!--\s*\.([A-Za-z][\w-]*)\s*(:?)/g;
const KNOWN = new Set(['slide', 'element']);

function suggestion(name: string): string {
  const lower = name.toLowerCase();
  const near = [...KNOWN].find((known) => lower === known || distance(lower, known) <= 2);
  return near ? ` (did you mean ".${near}:"?)` : '';
}

/** Levenshtein distance of two short words. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

function report(env: RenderEnv, html: string, firstLine: number): void {
  const linesBefore = newlinesBefore(html);
  for (const match of html.matchAll(DIRECTIVE_COMMENT)) {
    const name = match[1]!;
    if (KNOWN.has(name)) continue;
    const hint = suggestion(name);
    // Without a colon it is a directive only if the name is close to a known one.
    if (!match[2] && !hint) continue;
    env.diagnostics.push({
      severity: 'warning',
      code: 'unknown-directive',
      message: `unknown directive ".${name}${match[2]}" is ignored: only ".slide:" and ".element:" exist${hint}`,
      file: env.file,
      line: firstLine + linesBefore(match.index!),
    });
  }
}

export default function deckUnknownDirective(md: MarkdownIt): void {
  md.core.ruler.push('deck_unknown_directive', (state) => {
    const env = deckEnv(state.env);
    forEachHtml(env, state.tokens, (html, line) => report(env, html, line));
  });
}
