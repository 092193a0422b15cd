/**
 * `--range 3-7,10`: which slides to export, as 1-based slide numbers in
 * presentation order (the numbers the deck shows, vertical slides counted).
 * Pure: text in, sorted unique numbers or a message out.
 */
export type RangeResult = { ok: true; slides: number[] } | { ok: false; message: string };

/** A span of slide numbers; `to: null` runs to the last slide. */
export interface SlideSpan {
  from: number;
  to: number | null;
}

export type SpansResult = { ok: true; spans: SlideSpan[] } | { ok: false; message: string };

/** Reads `3-7,10`, `5-` (to the end), `-3` (from the start); checks the syntax, not the deck's length. */
export function parseSlideSpans(text: string): SpansResult {
  const spans: SlideSpan[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    const match = /^(\d*)\s*(-?)\s*(\d*)$/.exec(part);
    if (!part || !match || (!match[1] && !match[3])) {
      return { ok: false, message: `invalid range "${part}" in "${text}": use numbers and spans like 3-7,10` };
    }
    const [, fromText, dash, toText] = match;
    const from = fromText ? Number(fromText) : 1;
    const to = dash ? (toText ? Number(toText) : null) : from;
    if (from < 1 || to === 0) return { ok: false, message: `slide numbers start at 1: "${part}"` };
    if (to !== null && from > to) return { ok: false, message: `range "${part}" runs backwards` };
    spans.push({ from, to });
  }
  return { ok: true, spans };
}

/** The slide numbers `text` selects in a deck of `total` slides. */
export function parseSlideRange(text: string, total: number): RangeResult {
  const parsed = parseSlideSpans(text);
  if (!parsed.ok) return parsed;
  const selected = new Set<number>();
  for (const { from, to } of parsed.spans) {
    const last = to ?? total;
    if (last > total || from > total) {
      return { ok: false, message: `range "${from}${to === from ? '' : `-${to ?? ''}`}" goes past the last slide (${total})` };
    }
    for (let n = from; n <= last; n++) selected.add(n);
  }
  return { ok: true, slides: [...selected].sort((a, b) => a - b) };
}
