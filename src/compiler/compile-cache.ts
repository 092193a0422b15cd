/**
 * What `compileDeck` keeps of each file between two compiles of the same deck (`deck dev`): a
 * file compiled again only when its text, its first slide's place in the deck, the settings or a
 * data file it read changed. Plain data owned by the caller: the compiler itself keeps no state.
 */
import type { Diagnostic, Slide } from '../types.ts';

export interface CompiledFile {
  text: string;
  /** Horizontal index of the file's first slide (chart ids and default slide ids count from it). */
  firstH: number;
  /** The settings (and front matter use) the file was compiled with, as JSON. */
  context: string;
  /** The data files its charts read, with the text read (null: missing). */
  dataReads: Map<string, string | null>;
  /** Its slides before the deck gives them ids. */
  slides: Slide[];
  diagnostics: Diagnostic[];
  /** The slides with their ids as last handed out: reused while the id stays, so an unchanged slide is the same object. */
  finished: Slide[];
}

export interface CompileCache {
  files: Map<string, CompiledFile>;
}

export function createCompileCache(): CompileCache {
  return { files: new Map() };
}

/** The cached file when it can stand for compiling `text` again. */
export function reusableFile(
  cache: CompileCache | undefined,
  path: string,
  text: string,
  firstH: number,
  context: string,
  readData: (path: string) => string | null,
): CompiledFile | null {
  const cached = cache?.files.get(path);
  if (!cached || cached.text !== text || cached.firstH !== firstH || cached.context !== context) return null;
  for (const [dataPath, content] of cached.dataReads) if (readData(dataPath) !== content) return null;
  return cached;
}

/** The finished slide `index` of a file: the one handed out last time when its id is the same, else a copy with the id. */
export function finishedSlide(file: CompiledFile, index: number, id: string): Slide {
  const before = file.finished[index];
  if (before && before.id === id) return before;
  const raw = file.slides[index]!;
  const slide = { ...raw, id, attributes: { ...raw.attributes, id } };
  file.finished[index] = slide;
  return slide;
}
