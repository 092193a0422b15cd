/** Resolves `virtual:deck-theme.css` (imported by the runtime) to a theme file, for the runtime bundle. */
import type { Plugin } from 'vite';

export const VIRTUAL_THEME = 'virtual:deck-theme.css';

export function themePlugin(themePath: string): Plugin {
  return {
    name: 'deck-theme',
    resolveId: (id) => (id === VIRTUAL_THEME ? themePath : null),
  };
}
