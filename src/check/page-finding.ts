import type { Severity } from '../types.ts';

/**
 * A finding made inside the page about the current slide. `line` is the
 * Markdown line of the nearest block marked with `data-line`, `null` when the
 * element lies outside any marked block (then the slide's own line is used).
 */
export interface PageFinding {
  code: string;
  severity: Severity;
  message: string;
  line: number | null;
  /**
   * What makes two findings on one slide the same, across fragment states;
   * default `code:line`. An overflow is one per edge, wherever it starts.
   */
  key?: string;
}
