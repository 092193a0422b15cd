/** Where a rendered finding points in the Markdown: sections carry `data-source="file:line"`. */

export interface SourceLocation {
  file: string;
  line: number;
}

/** `slides/03-geld.md:14` → file and line; the colon before the line is the last one (paths may hold colons). */
export function parseSource(source: string | null | undefined, fallback: SourceLocation): SourceLocation {
  const at = source?.lastIndexOf(':') ?? -1;
  if (!source || at <= 0) return fallback;
  const line = Number(source.slice(at + 1));
  return Number.isInteger(line) && line > 0 ? { file: source.slice(0, at), line } : fallback;
}
