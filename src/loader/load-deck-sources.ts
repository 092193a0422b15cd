/**
 * Reads a folder of slides into the compiler's input: every `*.md` file (in
 * name order, sub-folders included) and `deck.yaml` if present. Paths in the
 * result are relative to `cwd` for readable diagnostics.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { DeckSources } from '../compiler/index.ts';

export const SETTINGS_FILES = ['deck.yaml', 'deck.yml'];

export function displayPath(absolute: string, cwd = process.cwd()): string {
  const rel = relative(cwd, absolute);
  return (rel.startsWith('..') || rel === '' ? absolute : rel).split(sep).join('/');
}

export function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return markdownFiles(path);
      return entry.isFile() && /\.(md|markdown)$/i.test(entry.name) ? [path] : [];
    });
}

export function loadDeckSources(slidesDir: string, cwd = process.cwd()): DeckSources {
  const dir = resolve(cwd, slidesDir);
  if (!existsSync(dir)) throw new Error(`slides folder not found: ${displayPath(dir, cwd)}`);
  const read = (path: string) => ({ path: displayPath(path, cwd), text: readFileSync(path, 'utf8') });
  const slides = markdownFiles(dir);
  if (slides.length === 0) throw new Error(`no Markdown slides found in ${displayPath(dir, cwd)}: add .md files to it`);
  const settingsPath = SETTINGS_FILES.map((name) => join(dir, name)).find((path) => existsSync(path));
  return {
    slides: slides.sort((a, b) => displayPath(a, cwd).localeCompare(displayPath(b, cwd), 'en')).map(read),
    settings: settingsPath ? read(settingsPath) : null,
  };
}
