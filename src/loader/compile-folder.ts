/** Reads a slides folder, compiles it and checks its file references: the I/O shell around the compiler. */
import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { checkReferences, compileDeck, type CompileOptions } from '../compiler/index.ts';
import type { CompiledDeck, Slide } from '../types.ts';
import { loadDeckSources } from './load-deck-sources.ts';
import { dataFileReader } from './load-data-files.ts';

/** Absolute path of `url` as written in the Markdown file `file`. */
export function resolveReference(url: string, file: string): string {
  return resolve(dirname(resolve(file)), url);
}

/** `file` (as the loader names it) relative to the slides folder, with `/`. */
export function pathInDeck(file: string, slidesDir: string): string {
  return relative(resolve(slidesDir), resolve(file)).split(sep).join('/');
}

/** Each compiled slide named relative to its folder once: a slide the compile cache reused stays the same object. */
const namedInDeck = new WeakMap<Slide, Slide>();

function nameInDeck(slide: Slide, slidesDir: string): Slide {
  let named = namedInDeck.get(slide);
  if (!named) namedInDeck.set(slide, (named = { ...slide, file: pathInDeck(slide.file, slidesDir) }));
  return named;
}

/**
 * The compiled deck of a folder. Its slides name their file relative to the slides folder: the page
 * carries that (`data-source`, the manifest), and a published deck must not show the author's folders.
 * Diagnostics name files as the user sees them (relative to the working directory). With `options.cache`
 * (the dev server's), only the files that changed since the last call are compiled again.
 */
export function compileFolder(slidesDir: string, options: CompileOptions = {}): CompiledDeck {
  const deck = compileDeck({ ...loadDeckSources(slidesDir), readDataFile: dataFileReader() }, options);
  deck.diagnostics.push(...checkReferences(deck, { resolve: resolveReference, exists: existsSync }));
  deck.diagnostics.sort((a, b) => a.file.localeCompare(b.file, 'en') || a.line - b.line);
  return { ...deck, slides: deck.slides.map((slide) => nameInDeck(slide, slidesDir)) };
}
