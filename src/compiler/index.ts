export { compileDeck, plainText, type DeckSources, type CompileOptions } from './compile-deck.ts';
export { renderSections, renderSection } from './render-sections.ts';
export { DeckErrors, formatDiagnostic, hasErrors } from './diagnostics.ts';
