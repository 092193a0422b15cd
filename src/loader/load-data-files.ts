/**
 * The data files that charts read (`data:` in a ```chart block): read for the compiler by the path it
 * asks for, and found in the Markdown for the export's build stamp without compiling.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { markdownFiles } from './load-deck-sources.ts';

/** The compiler's `readDataFile`: paths are the display paths of the sources, relative to `cwd` (or absolute). */
export function dataFileReader(cwd = process.cwd()): (path: string) => string | null {
  return (path) => {
    const absolute = resolve(cwd, path);
    return existsSync(absolute) && statSync(absolute).isFile() ? readFileSync(absolute, 'utf8') : null;
  };
}

// `data:` as a YAML key, in block or flow style, its value bare or quoted.
const DATA_KEY = /(?:^|[\s{,])data\s*:\s*(?:"([^"\n]+)"|'([^'\n]+)'|([^\s,}\]#"']+))/gm;

/**
 * The existing files that `data:` keys in the slides folder's Markdown name, as absolute paths. A superset of what
 * the charts read (any `data:` line counts): hashing one file too many is harmless, one too few would
 * let an export reuse a deck built from old data.
 */
export function dataFilesNamedIn(slidesDir: string): string[] {
  const found = new Set<string>();
  if (!existsSync(slidesDir)) return [];
  for (const file of markdownFiles(resolve(slidesDir))) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('data')) continue;
    for (const match of text.matchAll(DATA_KEY)) {
      const path = resolve(dirname(file), (match[1] ?? match[2] ?? match[3])!.trim());
      if (existsSync(path) && statSync(path).isFile()) found.add(path);
    }
  }
  return [...found].sort();
}
