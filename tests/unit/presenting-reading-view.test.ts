/** The slide a link names, in each of reveal.js's hash forms. */
import { describe, expect, it } from 'vitest';
import { targetFromHash } from '../../src/runtime/reading-view.ts';

const slides = [
  { id: 'titel', h: 0, v: 0, title: 'Titel', file: 'a.md', line: 1 },
  { id: 'stapel-oben', h: 1, v: 0, title: 'Stapel oben', file: 'a.md', line: 5 },
  { id: 'stapel-unten', h: 1, v: 1, title: 'Stapel unten', file: 'a.md', line: 9 },
];

describe('targetFromHash', () => {
  it('reads slide ids, with an optional fragment', () => {
    expect(targetFromHash('#/stapel-unten', slides)).toEqual({ h: 1, v: 1 });
    expect(targetFromHash('#/stapel-oben/2', slides)).toEqual({ h: 1, v: 0, f: 2 });
  });

  it('reads indices', () => {
    expect(targetFromHash('#/1', slides)).toEqual({ h: 1, v: 0 });
    expect(targetFromHash('#/1/1/0', slides)).toEqual({ h: 1, v: 1, f: 0 });
  });

  it('ignores an empty hash and unknown ids', () => {
    expect(targetFromHash('', slides)).toBeNull();
    expect(targetFromHash('#/', slides)).toBeNull();
    expect(targetFromHash('#/gibt-es-nicht', slides)).toBeNull();
  });
});
