/**
 * Number formatting by the deck's language and the chart's `format`: `13 Mrd. US-$`, `20 %`,
 * `1,5`, `80.000.000.000 $`, `1,2 Tsd.` / `1.2K`. The compiler formats the value labels and the
 * data table with it; the page formats the axes with the same function, so both always agree.
 */

export const NUMBER_FORMATS = ['number', 'percent', 'currency', 'compact'] as const;
export type NumberFormatName = (typeof NUMBER_FORMATS)[number];

/** How a chart (or one of its axes) writes its numbers. */
export interface ValueFormat {
  format: NumberFormatName;
  /** ISO 4217 code for `currency` (and for `compact` money: `1,2 Mrd. $`). */
  currency?: string | undefined;
  /** Most fraction digits shown. */
  decimals: number;
  /** Written after the number, after a non-breaking space (none before `%` outside German). */
  unit: string;
}

const NBSP = '\u00a0';

// Creating an Intl.NumberFormat costs far more than formatting with one (a large
// deck formats thousands of chart values): keep one per language and options.
const formatters = new Map<string, Intl.NumberFormat>();

function intlOptions(format: ValueFormat, signed: boolean): Intl.NumberFormatOptions {
  const digits = { maximumFractionDigits: format.decimals, minimumFractionDigits: 0 };
  const sign: Intl.NumberFormatOptions = signed ? { signDisplay: 'exceptZero' } : {};
  switch (format.format) {
    case 'percent':
      return { style: 'percent', ...digits, ...sign };
    case 'currency':
      return { style: 'currency', currency: format.currency ?? 'USD', ...digits, ...sign };
    case 'compact':
      return {
        notation: 'compact',
        ...(format.currency !== undefined && { style: 'currency', currency: format.currency }),
        maximumFractionDigits: Math.max(1, format.decimals),
        minimumFractionDigits: 0,
        ...sign,
      };
    default:
      return { ...digits, ...sign };
  }
}

function formatter(lang: string, format: ValueFormat, signed: boolean): Intl.NumberFormat {
  const key = `${lang}|${format.format}|${format.currency ?? ''}|${format.decimals}|${signed}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(lang, intlOptions(format, signed));
    formatters.set(key, found);
  }
  return found;
}

/** A plain number in the deck's language, at most `decimals` fraction digits. */
export function formatNumber(value: number, lang: string, decimals: number): string {
  return formatter(lang, { format: 'number', decimals, unit: '' }, false).format(value);
}

/**
 * A value as the chart writes it, with its unit; `''` for a gap. `percent` takes percentage points
 * (`20` is 20 %), as the values of a chart with `unit: "%"` do. `signed` writes `+2` for a step up.
 */
export function formatValue(value: number | null, lang: string, format: ValueFormat, signed = false): string {
  if (value === null) return '';
  const number =
    format.format === 'compact' && lang.startsWith('de') && Math.abs(value) >= 1000 && Math.abs(value) < 999_950
      ? germanThousands(value, lang, format, signed)
      : formatter(lang, format, signed).format(format.format === 'percent' ? value / 100 : value);
  if (!format.unit) return number;
  const glue = format.unit === '%' && !lang.startsWith('de') ? '' : NBSP;
  return `${number}${glue}${format.unit}`;
}

/**
 * German compact numbers in thousands: the language's own data writes `1200` there, where German
 * business text writes `1,2 Tsd.`; the abbreviation goes after the number, before any currency sign.
 */
function germanThousands(value: number, lang: string, format: ValueFormat, signed: boolean): string {
  const parts = formatter(lang, format, signed).formatToParts(value / 1000);
  const types = parts.map((part) => part.type);
  const last = Math.max(types.lastIndexOf('integer'), types.lastIndexOf('fraction'));
  return [...parts.slice(0, last + 1).map((p) => p.value), `${NBSP}Tsd.`, ...parts.slice(last + 1).map((p) => p.value)].join('');
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
