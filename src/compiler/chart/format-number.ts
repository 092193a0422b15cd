/** Number formatting by the deck's language: `13 Mrd. US-$`, `20 %`, `1,5`. */

const NBSP = '\u00a0';

// Creating an Intl.NumberFormat costs far more than formatting with one (a large
// deck formats thousands of chart values): keep one per language and precision.
const formatters = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, lang: string, decimals: number): string {
  const key = `${lang}|${decimals}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(lang, { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
    formatters.set(key, formatter);
  }
  return formatter.format(value);
}

/** A value with its unit, separated by a non-breaking space (no space before `%` outside German). */
export function formatValue(value: number | null, lang: string, unit: string, decimals: number): string {
  if (value === null) return '';
  const number = formatNumber(value, lang, decimals);
  if (!unit) return number;
  const glue = unit === '%' && !lang.startsWith('de') ? '' : NBSP;
  return `${number}${glue}${unit}`;
}

/** Fraction digits needed to show every value as written (at most 3). */
export function decimalsOf(values: readonly (number | null)[]): number {
  let most = 0;
  for (const value of values) {
    if (value === null || Number.isInteger(value)) continue;
    const digits = String(value).split('.')[1]?.length ?? 0;
    most = Math.max(most, Math.min(digits, 3));
  }
  return most;
}
