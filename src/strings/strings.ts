/**
 * Every text the deck shows or writes (runtime, speaker view, exports,
 * compiler defaults), keyed by the deck's `lang`: German for `de` and its
 * regional tags (`de-AT`, `de-CH`), English for every other language.
 * Placeholders such as `{title}` are filled by `fill`.
 */
import { de } from './de.ts';
import { en } from './en.ts';

/** One entry per key of the English reference; a language that misses one, or adds one, does not compile. */
export type Strings = { readonly [Key in keyof typeof en]: string };

export type StringKey = keyof Strings;

/** The languages with a complete dictionary. */
export const DICTIONARIES = { de, en } as const satisfies Record<string, Strings>;

export type StringsLanguage = keyof typeof DICTIONARIES;

/** `de`, `de-CH` → `de`; anything else → `en`. */
export function stringsLanguage(lang: string): StringsLanguage {
  return /^de(-|$)/i.test(lang) ? 'de' : 'en';
}

export function stringsFor(lang: string): Strings {
  return DICTIONARIES[stringsLanguage(lang)];
}

/** `fill('Slide {slide} of {total}', { slide: 3, total: 12 })` → `Slide 3 of 12`; an unknown placeholder stays as written. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
