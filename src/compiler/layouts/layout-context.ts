/** What a slide layout's shaper gets: the slide body's tokens, to check and mark, and where to report. */
import type { StateCore, Token } from 'markdown-it';
import type { SlideLayout } from '../../page-contract.ts';
import { countNewlines } from '../inline-lines.ts';
import { lineOf, type RenderEnv } from '../render-env.ts';

export interface LayoutContext {
  layout: SlideLayout;
  tokens: Token[];
  env: RenderEnv;
  /** Makes a token to insert (markdown-it's constructor for this render). */
  newToken: (type: string, tag: string, nesting: 1 | 0 | -1) => Token;
  /** Reports a finding at a file line (the slide's first line when the tokens have none). */
  report: (line: number, message: string, severity?: 'error' | 'warning') => void;
  /** The file line of a token. */
  lineOf: (token: Token | undefined) => number;
  /** The file line that names the layout (see layoutLine), for findings about the slide as a whole. */
  slideLine: number;
}

/**
 * The file line that names the slide's layout: its `.slide` comment with a class (gone from the
 * tokens by now, so found in the source), else the slide's first line with text.
 */
export function layoutLine(src: string, env: RenderEnv): number {
  const comment = /<!--\s*\.slide\b[^]*?-->/g;
  for (const match of src.matchAll(comment)) {
    if (/\bclass\s*=/.test(match[0])) return env.line + countNewlines(src, match.index);
  }
  const firstText = src.search(/\S/);
  return env.line + (firstText === -1 ? 0 : countNewlines(src, firstText));
}

export function layoutContext(layout: SlideLayout, state: StateCore, env: RenderEnv): LayoutContext {
  return {
    layout,
    tokens: state.tokens,
    env,
    newToken: (type, tag, nesting) => new state.Token(type, tag, nesting),
    report: (line, message, severity = 'error') => env.diagnostics.push({ severity, code: 'layout', message, file: env.file, line }),
    lineOf: (token) => lineOf(env, token?.map),
    slideLine: layoutLine(state.src, env),
  };
}

/** Indexes of the tokens at the slide's top level (not inside a list, quote or column) with this type. */
export function topLevel(tokens: readonly Token[], type: string): number[] {
  const found: number[] = [];
  tokens.forEach((token, index) => {
    if (token.type === type && token.level === 0) found.push(index);
  });
  return found;
}

/** Index of the token closing the one opened at `open`. */
export function closingIndex(tokens: readonly Token[], open: number): number {
  const level = tokens[open]!.level;
  for (let i = open + 1; i < tokens.length; i++) if (tokens[i]!.nesting === -1 && tokens[i]!.level === level) return i;
  return tokens.length - 1;
}
