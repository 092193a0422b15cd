/**
 * Chart colours: palette names resolved to CSS colours, and the cycle that gives each series
 * (or each slice of a pie or doughnut) its own colour: the deck's palette first, then ours.
 */

const CSS_COLOUR = /^(#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla)\([^)]*\))$/;

/** Distinct colours that follow the deck's palette when a chart needs more of them. */
export const EXTRA_CHART_COLOURS: readonly string[] = ['#8e44ad', '#b35900', '#00798c', '#a3386f', '#5d6d2b', '#2c3e50', '#6d4c41', '#3949ab'];

/** The deck's palette colours in order, then the extra colours it does not already have. */
export function colourCycle(palette: Record<string, string>): string[] {
  const seen = new Set<string>();
  return [...Object.values(palette), ...EXTRA_CHART_COLOURS].filter((c) => !seen.has(c.toLowerCase()) && seen.add(c.toLowerCase()));
}

/** The colour for position `index` of the cycle, starting over after the last. */
export function nthColour(cycle: readonly string[], index: number): string {
  return cycle[index % cycle.length]!;
}

/** A palette name or a CSS colour as a CSS colour; `null` for neither. */
export function resolveColour(name: string, palette: Record<string, string>): string | null {
  return palette[name] ?? (CSS_COLOUR.test(name) ? name : null);
}
