/** Replacements at offsets of a text, applied in one pass (slicing once per edit would be quadratic). */
export type TextEdit = [from: number, to: number, text: string];

/** `text` with each `[from, to)` replaced by its new text; the edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const [from, to, replacement] of [...edits].sort((a, b) => a[0] - b[0])) {
    parts.push(text.slice(at, from), replacement);
    at = to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
