/**
 * A fenced block with info string `mermaid` is a diagram. The compiler only asks for it: the slide
 * gets a figure with a placeholder and the diagram's source in `env.diagrams`; an adapter (the
 * build, the dev server) draws the SVG with Mermaid in Chromium and puts it in place
 * (src/builder/deck-diagrams.ts), so the compiler stays pure and the deck ships no Mermaid.
 */
import type { MarkdownIt } from 'markdown-it';
import { DIAGRAM_CLASS } from '../../page-contract.ts';
import { deckEnv, lineOf } from '../render-env.ts';

/** The placeholder of the slide's `index`-th diagram (body and notes count together), inside its figure. */
export function diagramPlaceholder(index: number): string {
  return `<!--deck:diagram:${index}-->`;
}

const PLACEHOLDER = /<!--deck:diagram:(\d+)-->/g;

/** `html` (a slide's body or notes) with each diagram placeholder replaced by the markup drawn for that diagram. */
export function putDiagrams(html: string, drawn: readonly string[]): string {
  return html.replace(PLACEHOLDER, (_, index: string) => drawn[Number(index)] ?? '');
}

export default function deckDiagram(md: MarkdownIt): void {
  const fallback = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, index, options, rawEnv, self) => {
    const token = tokens[index]!;
    if (token.info.trim().split(/\s+/)[0] !== 'mermaid') return fallback(tokens, index, options, rawEnv, self);
    const env = deckEnv(rawEnv);
    const at = env.diagrams.push({ source: token.content, file: env.file, line: lineOf(env, token.map) }) - 1;
    return `<figure class="${DIAGRAM_CLASS}">${diagramPlaceholder(at)}</figure>\n`;
  };
}
