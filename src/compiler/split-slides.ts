/**
 * Splits one Markdown file into slides the way reveal.js's markdown plugin
 * does: a line `---` starts a new horizontal slide, a line `--` (reveal.js) or
 * `----` (reveal-md) a new vertical slide, and a line starting with `Note:` /
 * `Notes:` begins the slide's speaker notes. Separators inside fenced code
 * blocks do not count. Every piece remembers its first line in the file.
 */

export interface SourceChunk {
  text: string;
  /** 1-based line of the chunk's first line in the file. */
  line: number;
}

export interface SplitSlide {
  /** 0-based position within its vertical stack. */
  v: number;
  /** Index of the horizontal slide within this file. */
  hInFile: number;
  /** 1-based line of the slide's first line. */
  line: number;
  body: SourceChunk;
  notes: SourceChunk | null;
}

const HORIZONTAL = /^---[ \t]*$/;
const VERTICAL = /^(--|----)[ \t]*$/;
const NOTES = /^notes?:[ \t]?/i;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Lines of `text` with a flag telling whether each line is inside a code fence. */
function markFences(lines: string[]): boolean[] {
  const inside: boolean[] = [];
  let open: string | null = null;
  for (const line of lines) {
    const match = FENCE.exec(line);
    if (open === null) {
      inside.push(false);
      if (match) open = match[1]!;
    } else {
      inside.push(true);
      if (match && match[1]![0] === open[0] && match[1]!.length >= open.length && line.trim() === match[1]) {
        open = null;
      }
    }
  }
  return inside;
}

function chunk(lines: string[], from: number, to: number): SourceChunk {
  return { text: lines.slice(from, to).join('\n'), line: from + 1 };
}

/** Splits `text`, whose first line is line `firstLine` of its file. */
export function splitSlides(text: string, firstLine = 1): SplitSlide[] {
  const lines = text.split(/\r?\n/);
  const fenced = markFences(lines);
  const slides: SplitSlide[] = [];
  let hInFile = 0;
  let v = 0;
  let start = 0;

  const finish = (end: number) => {
    let notesAt = -1;
    for (let i = start; i < end; i++) {
      if (!fenced[i] && NOTES.test(lines[i]!)) {
        notesAt = i;
        break;
      }
    }
    const bodyEnd = notesAt === -1 ? end : notesAt;
    const body = chunk(lines, start, bodyEnd);
    let notes: SourceChunk | null = null;
    if (notesAt !== -1) {
      const rest = [lines[notesAt]!.replace(NOTES, ''), ...lines.slice(notesAt + 1, end)];
      notes = { text: rest.join('\n'), line: notesAt + 1 };
    }
    slides.push({ v, hInFile, line: start + 1, body, notes });
  };

  for (let i = 0; i < lines.length; i++) {
    if (fenced[i]) continue;
    const line = lines[i]!;
    if (HORIZONTAL.test(line)) {
      finish(i);
      start = i + 1;
      hInFile++;
      v = 0;
    } else if (VERTICAL.test(line)) {
      finish(i);
      start = i + 1;
      v++;
    }
  }
  finish(lines.length);

  const offset = firstLine - 1;
  return slides.map((slide) => ({
    ...slide,
    line: slide.line + offset,
    body: { ...slide.body, line: slide.body.line + offset },
    notes: slide.notes && { ...slide.notes, line: slide.notes.line + offset },
  }));
}

/**
 * Separates YAML front matter (`---` … `---` at the very top) from the rest.
 * Returns the YAML, the line where it starts, and the body with its first line.
 */
export function splitFrontMatter(text: string): { yaml: SourceChunk | null; body: SourceChunk } {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { yaml: null, body: { text, line: 1 } };
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(line));
  if (end === -1) return { yaml: null, body: { text, line: 1 } };
  return {
    yaml: chunk(lines, 1, end),
    body: { text: lines.slice(end + 1).join('\n'), line: end + 2 },
  };
}
