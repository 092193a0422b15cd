import { describe, expect, it } from 'vitest';
import { parseSlideRange } from '../../src/export/page-range.ts';

describe('parseSlideRange', () => {
  it('reads spans and single slides, sorted and without duplicates', () => {
    expect(parseSlideRange('3-7,10', 12)).toEqual({ ok: true, slides: [3, 4, 5, 6, 7, 10] });
    expect(parseSlideRange('10, 2-3 ,3', 12)).toEqual({ ok: true, slides: [2, 3, 10] });
  });

  it('reads open spans to the end and from the start', () => {
    expect(parseSlideRange('11-', 12)).toEqual({ ok: true, slides: [11, 12] });
    expect(parseSlideRange('-2', 12)).toEqual({ ok: true, slides: [1, 2] });
  });

  it.each([
    ['', /invalid range/],
    ['3-x', /invalid range/],
    ['1,,2', /invalid range/],
    ['-', /invalid range/],
    ['0-2', /start at 1/],
    ['7-3', /runs backwards/],
    ['5-13', /past the last slide \(12\)/],
    ['13', /past the last slide/],
  ])('rejects %j with a message', (text, message) => {
    const result = parseSlideRange(text, 12);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
