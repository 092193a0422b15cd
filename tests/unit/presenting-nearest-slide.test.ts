/** Where hot reload puts the presenter after slides were added, removed or renamed. */
import { describe, expect, it } from 'vitest';
import { nearestSlide } from '../../src/runtime/nearest-slide.ts';

const slide = (id: string, file: string, h: number, v = 0) => ({ id, file, h, v, title: id, line: 1 });
const before = [slide('titel', 'a.md', 0), slide('agenda', 'a.md', 1), slide('zahlen', 'b.md', 2), slide('details', 'b.md', 2, 1), slide('schluss', 'c.md', 3)];

describe('nearestSlide', () => {
  it('finds the same slide by id after slides were inserted before it', () => {
    const after = [slide('neu', 'a.md', 0), ...before.map((s) => ({ ...s, h: s.h + 1 }))];
    expect(nearestSlide(before, 2, after)).toBe(3);
  });

  it('takes the slide at the same place in the same file when the current one was renamed', () => {
    const after = [before[0]!, before[1]!, slide('zahlen-2025', 'b.md', 2), slide('mehr', 'b.md', 3), before[3]!, before[4]!];
    expect(nearestSlide(before, 2, after)).toBe(2);
  });

  it('falls back to the same position, clamped to the deck, when the slide and its file place are gone', () => {
    const removedLast = before.slice(0, 4);
    expect(nearestSlide(before, 4, removedLast)).toBe(3);
    const removedFirstOfFile = [before[0]!, before[1]!, slide('details', 'b.md', 2), before[4]!];
    expect(nearestSlide(before, 3, removedFirstOfFile)).toBe(2);
  });

  it('handles an empty deck and an index outside the old deck', () => {
    expect(nearestSlide(before, 1, [])).toBe(0);
    expect(nearestSlide(before, 9, before)).toBe(4);
  });
});
