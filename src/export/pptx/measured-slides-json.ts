/**
 * Reads the JSON text `measureSlides` (measure-slides.ts) returns from the page: each run refers to
 * its style by number, written once at the start.
 */
import type { SlideLayout, TextRun } from './slide-layout.ts';

/** A run as the page writes it: text, style number, link, break before. */
type PackedRun = { t: string; s: number; l?: string; b?: 1 };

/** The slides `measureSlides` wrote, each run with its style again. */
export function readMeasuredSlides(json: string): SlideLayout[] {
  let styles: Omit<TextRun, 'text' | 'link' | 'breakBefore'>[] = [];
  // `styles` comes first in the text, so it is read before any run that refers to it.
  const parsed = JSON.parse(json, (key, value: unknown) => {
    if (key === 'styles') styles = value as typeof styles;
    if (value && typeof value === 'object' && 's' in value && 't' in value) {
      const run = value as PackedRun;
      return { text: run.t, ...styles[run.s]!, link: run.l ?? null, breakBefore: run.b === 1 } satisfies TextRun;
    }
    return value;
  }) as { slides: SlideLayout[] };
  return parsed.slides;
}
