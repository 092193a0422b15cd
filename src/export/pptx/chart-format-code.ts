/**
 * A chart's `ValueFormat` as a spreadsheet number format code, so PowerPoint writes the numbers as
 * the deck does and a colleague who edits the data keeps them: `#,##0.0" Mrd. US-$"`, `0" %"`. The
 * code's `,` and `.` are placeholders: the viewer writes them in its own language. Text goes in
 * quotes (a quote inside a unit is left out: it cannot be escaped in a format code).
 */
import type { ValueFormat } from '../../compiler/chart/format-number.ts';

const NBSP = '\u00a0';

function quoted(text: string): string {
  return text ? `"${text.replaceAll('"', '')}"` : '';
}

/** The digits: thousands grouping and `decimals` fraction digits (the deck's maximum, shown always). */
function digits(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

/**
 * The deck's language as the format's locale (`[$-407]` German): LibreOffice then writes `2,5` in
 * any locale; PowerPoint writes numbers in the viewer's locale whatever the code says.
 */
const LOCALE_IDS: Record<string, number> = { de: 0x407, 'de-at': 0xc07, 'de-ch': 0x807, en: 0x409, 'en-gb': 0x809, fr: 0x40c, es: 0xc0a, it: 0x410, nl: 0x413 };

function localePrefix(lang: string): string {
  const id = LOCALE_IDS[lang.toLowerCase()] ?? LOCALE_IDS[lang.toLowerCase().split('-')[0]!];
  return id ? `[$-${id.toString(16).toUpperCase()}]` : '';
}

const CURRENCY_SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', CHF: 'CHF' };

/** `1,2 Mrd.` / `1.2B`: the largest scale below the biggest value, as trailing commas (each divides by 1,000). */
function compactScale(largest: number, lang: string): { commas: string; suffix: string } {
  const german = lang.startsWith('de');
  const scales = [
    { at: 1e12, commas: ',,,,', suffix: german ? `${NBSP}Bio.` : 'T' },
    { at: 1e9, commas: ',,,', suffix: german ? `${NBSP}Mrd.` : 'B' },
    { at: 1e6, commas: ',,', suffix: german ? `${NBSP}Mio.` : 'M' },
    { at: 1e3, commas: ',', suffix: german ? `${NBSP}Tsd.` : 'K' },
  ];
  return scales.find((scale) => largest >= scale.at) ?? { commas: '', suffix: '' };
}

/** The value axis of a 100 % stacked chart: shares from 0 to 1, written as percent (`%` multiplies by 100). */
export function shareAxisCode(lang: string): string {
  return `${localePrefix(lang)}0${lang.startsWith('de') ? `"${NBSP}"` : ''}%`;
}

/**
 * The format code for values written in `format`, in the deck's language `lang`; `largest` (the
 * biggest absolute value) picks the scale of a compact format. `sign` is written before every value
 * (a waterfall's steps are drawn as positive heights: their sign is text).
 */
export function formatCode(format: ValueFormat, lang: string, largest: number, sign: '' | '+' | '-' = ''): string {
  const german = lang.startsWith('de');
  const unit = format.unit ? (format.unit === '%' && !german ? quoted('%') : quoted(`${NBSP}${format.unit}`)) : '';
  let body: string;
  switch (format.format) {
    case 'percent':
      // Percentage points: 20 is 20 %, so the value is not multiplied as Excel's % would.
      body = `${digits(format.decimals)}${quoted(german ? `${NBSP}%` : '%')}`;
      break;
    case 'currency': {
      const symbol = CURRENCY_SYMBOLS[format.currency ?? 'USD'] ?? format.currency ?? '$';
      body = german ? `${digits(format.decimals)}${quoted(`${NBSP}${symbol}`)}` : `${quoted(symbol)}${digits(format.decimals)}`;
      break;
    }
    case 'compact': {
      const scale = compactScale(largest, lang);
      const number = `${digits(Math.max(1, format.decimals))}${scale.commas}`;
      const symbol = format.currency ? (CURRENCY_SYMBOLS[format.currency] ?? format.currency) : '';
      body = symbol && !german ? `${quoted(symbol)}${number}${quoted(scale.suffix)}` : `${number}${quoted(`${scale.suffix}${symbol ? `${NBSP}${symbol}` : ''}`)}`;
      break;
    }
    default:
      body = digits(format.decimals);
  }
  return `${localePrefix(lang)}${sign ? quoted(sign) : ''}${body}${unit}`;
}
