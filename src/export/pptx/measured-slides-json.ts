/**
 * Reads the JSON text `measureSlides` (measure-slides.ts) returns from the page: each run refers to
 * its style by number, written once at the start.
 */
import type { SlideLayout, TextRun } from './slide-layout.ts';

/** A run as the page writes it: text, style number, link, break before. */
type PackedRun = { t: string; s: number; l?: string; b?: 1 };

/** The slides `measureSlides` wrote, each run with its style again. */
export function readMeasuredSlides(json: string): SlideLayout[] {
  // Parsed plainly and then walked: a reviver, called back for every value, took several times as long.
  const parsed = JSON.parse(json) as { styles: Omit<TextRun, 'text' | 'link' | 'breakBefore'>[]; slides: unknown[] };
  const unpack = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = unpack(value[i]);
      return value;
    }
    if (!value || typeof value !== 'object') return value;
    const object = value as Record<string, unknown>;
    if ('s' in object && 't' in object) {
      const run = object as PackedRun;
      return { text: run.t, ...parsed.styles[run.s]!, link: run.l ?? null, breakBefore: run.b === 1 } satisfies TextRun;
    }
    for (const key of Object.keys(object)) object[key] = unpack(object[key]);
    return object;
  };
  return unpack(parsed.slides) as SlideLayout[];
}
