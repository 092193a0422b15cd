/** The deck's theme stylesheet: a built-in theme or the deck's own file (src/vite/resolve-theme.ts). */
declare module 'virtual:deck-theme.css';
