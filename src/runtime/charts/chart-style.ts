/** Colours and fonts of the charts, read from the theme's custom properties where the chart is. */

export interface ChartStyle {
  text: string;
  grid: string;
  fontFamily: string;
  fontSize: number;
  /** A waterfall's increases and decreases. */
  positive: string;
  negative: string;
}

/** Reads colours and fonts from the theme's custom properties on `element` (a dark slide sets its own). */
export function chartStyle(element: Element): ChartStyle {
  const css = getComputedStyle(element);
  const value = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    // Without a theme colour for charts (reveal.js's themes), the slide's own text colour.
    text: value('--deck-chart-text', css.color),
    grid: value('--deck-chart-grid', 'rgba(0,0,0,0.12)'),
    fontFamily: value('--deck-font', 'sans-serif'),
    fontSize: Number.parseFloat(value('--deck-chart-font-size', '22')),
    positive: value('--deck-chart-positive', '#2e7d32'),
    negative: value('--deck-chart-negative', '#c62828'),
  };
}

/** `#rrggbb` at `alpha` opacity (`#rrggbbaa`); other colours as they are. */
export function withAlpha(colour: string, alpha: number): string {
  return /^#[0-9a-f]{6}$/i.test(colour) ? `${colour}${Math.round(alpha * 255).toString(16).padStart(2, '0')}` : colour;
}
