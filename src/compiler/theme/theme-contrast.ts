/**
 * WCAG AA contrast of the theme's colours against its background: text and links (the accent) as normal
 * text (4.5:1), headings as large text (3:1; every heading is bold and at least 24 px). Pure; colord
 * computes the ratios.
 */
import { colord, extend } from 'colord';
import a11yPlugin from 'colord/plugins/a11y';
import type { ThemeColourName } from '../settings/theme-settings.ts';

extend([a11yPlugin]);

export const CONTRAST_PAIRS = [
  { foreground: 'text', minimum: 4.5, use: 'text' },
  { foreground: 'heading', minimum: 3, use: 'headings (large text)' },
  { foreground: 'accent', minimum: 4.5, use: 'links and list markers (text)' },
] as const satisfies readonly { foreground: ThemeColourName; minimum: number; use: string }[];

export interface ContrastFailure {
  /** The colour of the pair the deck set (the foreground where it set both); its line is reported. */
  setting: ThemeColourName;
  foreground: ThemeColourName;
  colours: { foreground: string; background: string };
  ratio: number;
  minimum: number;
  use: string;
}

/**
 * The pairs that fail, among those the deck changed: `own` are the deck's colours, `base` the base theme's
 * (known for our default theme; a reveal.js theme's are not, so only pairs the deck sets in full are checked).
 */
export function contrastFailures(own: Partial<Record<ThemeColourName, string>>, base: Partial<Record<ThemeColourName, string>>): ContrastFailure[] {
  const colour = (name: ThemeColourName) => own[name] ?? base[name];
  return CONTRAST_PAIRS.flatMap(({ foreground, minimum, use }) => {
    const front = colour(foreground);
    const back = colour('background');
    if (!front || !back || (!own[foreground] && !own.background)) return [];
    const ratio = colord(front).contrast(back);
    if (ratio >= minimum) return [];
    return [{ setting: own[foreground] ? foreground : 'background', foreground, colours: { foreground: front, background: back }, ratio, minimum, use }];
  });
}

export function contrastMessage(failure: ContrastFailure): string {
  const { foreground, colours, ratio, minimum, use } = failure;
  return (
    `theme colour ${foreground} ${colours.foreground} on background ${colours.background} has a contrast of ${ratio.toFixed(2)}:1; ` +
    `WCAG AA asks at least ${minimum}:1 for ${use}: ${colord(colours.background).isDark() ? `a lighter ${foreground} or a darker background` : `a darker ${foreground} or a lighter background`}`
  );
}
