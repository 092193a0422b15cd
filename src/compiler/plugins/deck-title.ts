/** Records the plain text of a slide's first heading as its title. */
import type { MarkdownIt } from 'markdown-it';
import { deckEnv } from '../render-env.ts';

export default function deckTitle(md: MarkdownIt): void {
  md.core.ruler.push('deck_title', (state) => {
    const env = deckEnv(state.env);
    const index = state.tokens.findIndex((token) => token.type === 'heading_open');
    const inline = index === -1 ? undefined : state.tokens[index + 1];
    if (!inline || env.title) return;
    env.title = (inline.children ?? [])
      .filter((child) => child.type === 'text' || child.type === 'code_inline')
      .map((child) => child.content)
      .join('')
      .trim();
  });
}
