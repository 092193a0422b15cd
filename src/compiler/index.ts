/** The compiler's public face: everything outside src/compiler/ imports the compiler from here. */
export { compileDeck, plainText, type DeckSources, type CompileOptions } from './compile-deck.ts';
export { createCompileCache, type CompileCache } from './compile-cache.ts';
export { checkReferences } from './check-references.ts';
export { toManifest } from './deck-manifest.ts';
export { BUILD_WARNING_CODES, DeckErrors, buildSeverities, countLabel, formatDiagnostic, hasErrors } from './diagnostics.ts';
export { renderDeckPage, PageTemplateError, SLIDES_MARKER } from './render-deck-page.ts';
export { renderSections, renderSection, renderLaterSections, splitEagerSlides } from './render-sections.ts';
export { DEFAULT_SETTINGS, parseDeckSettings } from './settings/deck-settings.ts';
export { slugify } from './slug.ts';
export { putDiagrams } from './plugins/deck-diagram.ts';
export { escapeHtml } from './html/escape-html.ts';
export { withoutNotes } from './without-notes.ts';
