/**
 * Splits one Markdown file into slides the way reveal.js's markdown plugin
 * does: a line `---` starts a new horizontal slide, a line `--` (reveal.js) or
 * `----` (reveal-md) a new vertical slide, and a line starting with `Note:` /
 * `Notes:` begins the slide's speaker notes. Every piece remembers its first
 * line in the file.
 *
 * reveal.js splits the raw text before it reads any Markdown, so a code fence
 * never hides a separator there. Here a fence ends at a separator line that
 * has blank lines on both sides, as in reveal.js (so an unclosed fence ends
 * at the next slide); one deliberate difference: a compact separator line
 * (no blank line before or after it) inside a closed fence stays code, e.g.
 * YAML front matter shown in a code block.
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

/** Whether `line` closes a fence opened with `open` (same character, at least as long, nothing else). */
function closes(line: string, open: string): boolean {
  const match = FENCE.exec(line);
  return match !== null && match[1]![0] === open[0] && match[1]!.length >= open.length && line.trim() === match[1];
}

const isSeparator = (line: string) => HORIZONTAL.test(line) || VERTICAL.test(line);
const isBlankLine = (line: string | undefined) => line === undefined || line.trim() === '';

/**
 * A flag per line telling whether it is inside a closed code fence, and the
 * 0-based lines of fences that are never closed. A separator line with blank
 * lines on both sides ends any fence (the common way to write slides, and
 * what an unclosed fence meets); a compact one inside a closed fence is code.
 */
function markFences(lines: string[]): { inside: boolean[]; unclosed: number[] } {
  const inside = lines.map(() => false);
  const unclosed: number[] = [];
  // Index of the next line at or after each line that ends every fence (lines.length: none).
  const barrier: number[] = new Array<number>(lines.length + 1).fill(lines.length);
  for (let i = lines.length - 1; i >= 0; i--) {
    const ends = isSeparator(lines[i]!) && isBlankLine(lines[i - 1]) && isBlankLine(lines[i + 1]);
    barrier[i] = ends ? i : barrier[i + 1]!;
  }
  // A fence kind without a closer before a barrier has none for later openers before that barrier either.
  const unclosedUntil = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!)?.[1];
    if (!open) continue;
    const limit = barrier[i + 1]!;
    let end = unclosedUntil.get(open) === limit ? limit : i + 1;
    while (end < limit && !closes(lines[end]!, open)) end++;
    if (end === limit) {
      unclosedUntil.set(open, limit);
      unclosed.push(i);
      continue;
    }
    for (let j = i + 1; j <= end; j++) inside[j] = true;
    i = end;
  }
  return { inside, unclosed };
}

function chunk(lines: string[], from: number, to: number): SourceChunk {
  return { text: lines.slice(from, to).join('\n'), line: from + 1 };
}

export interface SplitResult {
  slides: SplitSlide[];
  /** File lines of code fences that are never closed (each ends at its slide's end). */
  unclosedFences: number[];
}

/** Splits `text`, whose first line is line `firstLine` of its file. */
export function splitSlides(text: string, firstLine = 1): SplitResult {
  const lines = text.split(/\r?\n/);
  const { inside: fenced, unclosed } = markFences(lines);
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
    // reveal.js's separator includes the line ends around it: none on the first or an unterminated last line, nor right after another separator.
    if (fenced[i] || start === i || i === lines.length - 1) continue;
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
  return {
    slides: slides.map((slide) => ({
      ...slide,
      line: slide.line + offset,
      body: { ...slide.body, line: slide.body.line + offset },
      notes: slide.notes && { ...slide.notes, line: slide.notes.line + offset },
    })),
    unclosedFences: unclosed.map((line) => line + 1 + offset),
  };
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
