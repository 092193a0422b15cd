declare module 'virtual:deck' {
  const manifest: import('../types.ts').DeckManifest;
  export default manifest;
}
declare module 'virtual:deck-theme.css';
