/**
 * Where page-wide findings (the document's language, its title) point: the
 * `lang:` line of `deck.yaml`, or of the first file's front matter, else the
 * settings' first line.
 */
import { loadDeckSources } from '../loader/load-deck-sources.ts';
import type { SourceLocation } from './source-location.ts';

export function settingsLocation(slidesDir: string): SourceLocation {
  const sources = loadDeckSources(slidesDir);
  const file = sources.settings ?? [...sources.slides].sort((a, b) => a.path.localeCompare(b.path, 'en'))[0];
  if (!file) return { file: slidesDir, line: 1 };
  const lines = file.text.split(/\r?\n/);
  // In a Markdown file only its front matter holds settings.
  const end = sources.settings ? lines.length : lines[0]?.trim() === '---' ? lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line)) : 0;
  const langLine = lines.slice(0, Math.max(end, 0)).findIndex((line) => /^lang\s*:/.test(line));
  return { file: file.path, line: langLine === -1 ? 1 : langLine + 1 };
}
