/** The strings module: both dictionaries complete, with the same placeholders, and the lookup by the deck's language. */
import { describe, expect, it } from 'vitest';
import { de } from '../../src/strings/de.ts';
import { en } from '../../src/strings/en.ts';
import { DICTIONARIES, fill, stringsFor, stringsLanguage } from '../../src/strings/strings.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('dictionaries', () => {
  it('have the same keys in German and English', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.entries(DICTIONARIES))('%s has no empty value', (_language, strings) => {
    const empty = Object.entries(strings).filter(([, value]) => typeof value !== 'string' || value.trim() === '');
    expect(empty).toEqual([]);
  });

  it('fill the same placeholders in every language', () => {
    const differing = Object.keys(en).filter((key) => {
      const k = key as keyof typeof en;
      return placeholders(de[k]).join() !== placeholders(en[k]).join();
    });
    expect(differing).toEqual([]);
  });

  it('are translations, not copies (only words that are the same in both languages repeat)', () => {
    const same = Object.keys(en).filter((key) => de[key as keyof typeof en] === en[key as keyof typeof en]);
    expect(same.sort()).toEqual(['helpNavigation', 'speakerPlan']);
  });
});

describe('stringsFor', () => {
  it('gives German for de and its regional tags, English for every other language', () => {
    expect(stringsLanguage('de')).toBe('de');
    expect(stringsLanguage('de-CH')).toBe('de');
    expect(stringsLanguage('DE-at')).toBe('de');
    expect(stringsLanguage('en')).toBe('en');
    expect(stringsLanguage('en-GB')).toBe('en');
    expect(stringsLanguage('fr')).toBe('en');
    expect(stringsLanguage('dsb')).toBe('en');
    expect(stringsFor('de-AT')).toBe(de);
    expect(stringsFor('nl')).toBe(en);
  });
});

describe('fill', () => {
  it('puts values into placeholders and leaves unknown ones as written', () => {
    expect(fill(en.slideOf, { slide: 3, total: 12 })).toBe('Slide 3 of 12');
    expect(fill(de.slideOf, { slide: 3, total: 12 })).toBe('Folie 3 von 12');
    expect(fill('{a} {b} {a}', { a: '$&' })).toBe('$& {b} $&');
  });
});
