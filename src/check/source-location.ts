/**
 * Where a rendered finding points in the Markdown: sections carry `data-source="file:line"`, the
 * file relative to the slides folder; findings name it as the user sees it.
 */
import { join } from 'node:path';
import { displayPath } from '../loader/load-deck-sources.ts';

export interface SourceLocation {
  file: string;
  line: number;
}

/**
 * `03-geld.md:14` → file and line; the colon before the line is the last one (paths may hold colons).
 * With `slidesDir`, the file is named from the working directory, as the compiler's diagnostics name it.
 */
export function parseSource(source: string | null | undefined, fallback: SourceLocation, slidesDir?: string): SourceLocation {
  const at = source?.lastIndexOf(':') ?? -1;
  if (!source || at <= 0) return fallback;
  const line = Number(source.slice(at + 1));
  if (!Number.isInteger(line) || line <= 0) return fallback;
  const file = source.slice(0, at);
  return { file: slidesDir === undefined ? file : displayPath(join(slidesDir, file)), line };
}
