/** Reads a slides folder, compiles it and checks its file references: the I/O shell around the compiler. */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkReferences, compileDeck, type CompileOptions } from '../compiler/index.ts';
import type { CompiledDeck } from '../types.ts';
import { loadDeckSources } from './load-deck-sources.ts';

/** Absolute path of `url` as written in the Markdown file `file`. */
export function resolveReference(url: string, file: string): string {
  return resolve(dirname(resolve(file)), url);
}

export function compileFolder(slidesDir: string, options: CompileOptions = {}): CompiledDeck {
  const deck = compileDeck(loadDeckSources(slidesDir), options);
  deck.diagnostics.push(...checkReferences(deck, { resolve: resolveReference, exists: existsSync }));
  return deck;
}
