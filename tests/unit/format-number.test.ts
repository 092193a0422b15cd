import { describe, expect, it } from 'vitest';
import { decimalsOf, formatValue } from '../../src/compiler/chart/format-number.ts';

const NBSP = '\u00a0';

describe('formatValue', () => {
  it('formats German numbers with a decimal comma and a non-breaking space before the unit', () => {
    expect(formatValue(13, 'de', { format: 'number', unit: 'Mrd. US-$', decimals: 0 })).toBe(`13${NBSP}Mrd. US-$`);
    expect(formatValue(2.5, 'de', { format: 'number', unit: 'Mrd. US-$', decimals: 1 })).toBe(`2,5${NBSP}Mrd. US-$`);
    expect(formatValue(20, 'de', { format: 'number', unit: '%', decimals: 0 })).toBe(`20${NBSP}%`);
    expect(formatValue(80000, 'de', { format: 'number', unit: '', decimals: 0 })).toBe('80.000');
  });

  it('follows the language: English has no space before %', () => {
    expect(formatValue(20, 'en', { format: 'number', unit: '%', decimals: 0 })).toBe('20%');
    expect(formatValue(2.5, 'en', { format: 'number', unit: 'bn USD', decimals: 1 })).toBe(`2.5${NBSP}bn USD`);
  });

  it('leaves missing values empty', () => {
    expect(formatValue(null, 'de', { format: 'number', unit: '%', decimals: 0 })).toBe('');
  });

  it('finds the decimals the data needs', () => {
    expect(decimalsOf([1, 2, 10])).toBe(0);
    expect(decimalsOf([15.4, 20.6, null, 64.55])).toBe(2);
  });
});
